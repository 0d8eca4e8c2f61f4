using System.Diagnostics;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Bench;

public sealed record Latency(double P50, double P95, double P99, int Count)
{
    public static Latency Of(List<double> ms)
    {
        if (ms.Count == 0) return new Latency(double.NaN, double.NaN, double.NaN, 0);
        var sorted = ms.Order().ToList();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return new Latency(At(0.50), At(0.95), At(0.99), sorted.Count);
    }
}

public sealed record EngineResult(
    string Engine, Dictionary<string, Latency> PerKind, Latency All, double QueriesPerSecond, double? PeakRssMb,
    Dictionary<BenchQuery, int[]> FirstPages);

/// <summary>
/// One engine on the query mix, in this process: a warm-up, then every query of each kind one after the other (a
/// DI scope per query, as a request has), then two workers for a fixed time (throughput), and the process's peak RSS
/// over the phase.
/// </summary>
public static class EngineBench
{
    public static async Task<EngineResult> RunAsync(
        string name, IServiceProvider services, Func<IServiceProvider, IOfferSearch> engine,
        Dictionary<string, List<BenchQuery>> mix, int perKind, int warmup, TimeSpan warmupTime, TimeSpan throughputTime)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Memory.ResetPeak();
        var interleaved = Interleave(mix);
        // Warm by count and by time: the tiered JIT recompiles a path some time after it first runs hot, so a fast
        // engine's few warm-up queries of a kind (8 of 40 were free text) left its first measured ones on slow code.
        var warming = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < warmup || warming.Elapsed < warmupTime; i++) await SearchAsync(services, engine, interleaved[i % interleaved.Count]);

        var perKindLatency = new Dictionary<string, Latency>();
        var all = new List<double>();
        var pages = new Dictionary<BenchQuery, int[]>();
        foreach (var (kind, queries) in mix)
        {
            var ms = new List<double>();
            foreach (var q in queries.Take(perKind))
            {
                var started = Stopwatch.GetTimestamp();
                var result = await SearchAsync(services, engine, q);
                ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                pages[q] = result.Hits.Select(h => h.OfferId).ToArray();
            }
            perKindLatency[kind] = Latency.Of(ms);
            all.AddRange(ms);
            Console.Error.WriteLine($"   {name}, {kind}: p50 {perKindLatency[kind].P50:0.0} ms, p95 {perKindLatency[kind].P95:0.0} ms");
        }

        var completed = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(throughputTime.TotalSeconds * Stopwatch.Frequency);
        var throughputStarted = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Environment.ProcessorCount).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; Stopwatch.GetTimestamp() < deadline; i += Environment.ProcessorCount)
            {
                await SearchAsync(services, engine, interleaved[i % interleaved.Count]);
                Interlocked.Increment(ref completed);
            }
        })));
        var qps = completed / Stopwatch.GetElapsedTime(throughputStarted).TotalSeconds;
        return new EngineResult(name, perKindLatency, Latency.Of(all), qps, Memory.PeakMb(), pages);
    }

    private static async Task<OfferSearchResult> SearchAsync(IServiceProvider services, Func<IServiceProvider, IOfferSearch> engine, BenchQuery query)
    {
        await using var scope = services.CreateAsyncScope();
        return await engine(scope.ServiceProvider).SearchAsync(query.Query);
    }

    private static List<BenchQuery> Interleave(Dictionary<string, List<BenchQuery>> mix)
    {
        var result = new List<BenchQuery>();
        for (var i = 0; i < mix.Values.Max(q => q.Count); i++)
            foreach (var queries in mix.Values)
                if (i < queries.Count) result.Add(queries[i]);
        return result;
    }
}
