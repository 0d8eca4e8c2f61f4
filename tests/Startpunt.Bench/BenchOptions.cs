using System.Globalization;

namespace Startpunt.Bench;

/// <summary>Command line: `--tiny` for the CI smoke run; otherwise the national data set and every measurement.</summary>
public sealed record BenchOptions
{
    public bool Tiny { get; init; }
    public int Offers { get; init; } = 100_000;
    public int Providers { get; init; } = 10_000;
    /// <summary>Measured queries per kind and engine (the naive baseline gets <see cref="NaiveQueries"/>).</summary>
    public int Queries { get; init; } = 300;
    public int NaiveQueries { get; init; } = 60;
    public int Warmup { get; init; } = 40;
    /// <summary>Each engine is also warmed for at least this long (its queries in turn) before it is measured.</summary>
    public TimeSpan WarmupTime { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan ThroughputTime { get; init; } = TimeSpan.FromSeconds(10);
    public int LagSamples { get; init; } = 15;
    public bool Pages { get; init; } = true;
    public int PageSeconds { get; init; } = 30;
    public int PageConnections { get; init; } = 8;
    public string? WorkDirectory { get; init; }
    public string MeilisearchMemory { get; init; } = "256MiB";
    public string? Output { get; init; }
    /// <summary>Keep the generated database after a --tiny run (it is always kept after a full run, for the page run by hand).</summary>
    public bool Keep { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var o = args.Contains("--tiny")
            ? new BenchOptions
            {
                Tiny = true, Offers = 2_000, Providers = 200, Queries = 25, NaiveQueries = 10, Warmup = 5, WarmupTime = TimeSpan.Zero,
                ThroughputTime = TimeSpan.FromSeconds(1), LagSamples = 3, Pages = false,
            }
            : new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--tiny" => o,
                "--keep" => o with { Keep = true },
                "--offers" => o with { Offers = Int() },
                "--providers" => o with { Providers = Int() },
                "--queries" => o with { Queries = Int() },
                "--naive-queries" => o with { NaiveQueries = Int() },
                "--throughput-seconds" => o with { ThroughputTime = TimeSpan.FromSeconds(Int()) },
                "--lag-samples" => o with { LagSamples = Int() },
                "--no-pages" => o with { Pages = false },
                "--pages" => o with { Pages = true },
                "--page-seconds" => o with { PageSeconds = Int() },
                "--page-connections" => o with { PageConnections = Int() },
                "--work" => o with { WorkDirectory = Next() },
                "--meilisearch-memory" => o with { MeilisearchMemory = Next() },
                "--out" => o with { Output = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return o;
    }
}
