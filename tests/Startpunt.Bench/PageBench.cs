using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Startpunt.Bench;

public sealed record WrkResult(
    string Endpoint, string Engine, int Connections, double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, string Errors,
    double? WebPeakRssMb, double CpuMsPerRequest);

/// <summary>
/// The results page under load: the portal's Release build as its own process on the benchmark database, wrk on
/// loopback (2 threads, a fixed number of connections, a fixed time) against result URLs from the query mix, and
/// against /health/live, the cheapest endpoint of the same app, as the ceiling.
/// </summary>
public static partial class PageBench
{
    /// <param name="engine">The engine that must answer ("sqlite", "meilisearch", "inprocess"); the others are switched off.</param>
    /// <param name="urlSets">Named lists of result URLs, each run on its own.</param>
    public static async Task<List<WrkResult>> RunAsync(string repositoryRoot, string databasePath, string? meilisearchUrl, string engine,
        IReadOnlyDictionary<string, IReadOnlyList<string>> urlSets, int seconds, IReadOnlyList<int> connectionCounts, bool trivialToo, string workDirectory)
    {
        var urls = urlSets.Values.SelectMany(u => u).ToList();
        var settings = BenchHost.Settings(repositoryRoot, databasePath, meilisearchUrl);
        settings["Search:InProcess:Enabled"] = engine == "inprocess" ? "true" : "false";
        var (web, baseUrl) = StartWeb(repositoryRoot, settings);
        using var _ = web;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilAsync(http, "/health/live");
            // The engine meant answers once it is ready (the in-process index loaded, Meilisearch in sync): until then
            // the SQLite engine does. (/health tells anonymous callers only the overall status, so it cannot say which.)
            await WaitUntilAsync(http, urls[0], (_, response) => response.Headers.TryGetValues("Server-Timing", out var st) && st.Single().Contains(engine, StringComparison.Ordinal));
            // Warm-up: JIT, EF's compiled queries, connections; and check the engine answering is the one meant.
            foreach (var url in urls.Take(50))
            {
                using var response = await http.GetAsync(url);
                response.EnsureSuccessStatusCode();
                var timing = response.Headers.TryGetValues("Server-Timing", out var t) ? t.Single() : "";
                if (!timing.Contains(engine, StringComparison.Ordinal)) throw new InvalidOperationException($"{url} was answered by {timing}, not {engine}");
            }

            var scripts = new Dictionary<string, string>();
            foreach (var (name, set) in urlSets)
            {
                var script = Path.Combine(workDirectory, $"urls-{Guid.NewGuid():N}.lua");
                var lua = new StringBuilder("local paths = {\n");
                foreach (var url in set) lua.Append("  \"").Append(url.Replace("\"", "%22", StringComparison.Ordinal)).Append("\",\n");
                lua.Append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n");
                await File.WriteAllTextAsync(script, lua.ToString());
                scripts[name] = script;
            }
            var results = new List<WrkResult>();
            try
            {
                // A node runs for days: measure it warm. The runtime recompiles hot code with what it saw (tiered
                // compilation, dynamic PGO) during roughly the first half minute under load; measured before that, the
                // first row of a run came out 20-40 % slower than the same URLs a minute later.
                foreach (var script in scripts.Values) await WarmUpAsync($"-s {script} {baseUrl}", seconds: 10);
                if (trivialToo) await WarmUpAsync($"{baseUrl}/", seconds: 5);
                var endpoints = scripts.Select(s => (Name: $"results page (/zoeken, {s.Key})", Engine: engine, Target: $"-s {s.Value} {baseUrl}")).ToList();
                if (trivialToo)
                {
                    endpoints.Add(("trivial endpoint (/health/live)", "-", $"{baseUrl}/health/live"));
                    // For scale: a Razor page with the same layout and form, but no search.
                    endpoints.Add(("start page (/, same layout, no search)", "-", $"{baseUrl}/"));
                }
                // Each endpoint's time in three slices, taken in turn (results, national, trivial, start, results, ...):
                // the cores are shared with other work, whose bursts then fall on every endpoint alike instead of on
                // whichever ran during them; the results page and the start page are compared over the same minutes.
                var rounds = seconds >= 15 ? 3 : 1;
                foreach (var connections in connectionCounts)
                {
                    var slices = endpoints.ToDictionary(e => e.Name, _ => new List<WrkResult>());
                    for (var round = 0; round < rounds; round++)
                    {
                        foreach (var (name, answeredBy, target) in endpoints)
                            slices[name].Add(await WrkAsync(name, answeredBy, target, seconds / rounds, connections, web.Id));
                    }
                    results.AddRange(endpoints.Select(e => Combine(slices[e.Name])));
                }
            }
            finally
            {
                foreach (var script in scripts.Values) File.Delete(script);
            }
            return results;
        }
        finally
        {
            if (!web.HasExited) web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
        }
    }

    /// <summary>
    /// One row of an endpoint's slices: requests, time and CPU summed (so requests/s and CPU per request are over the
    /// whole time), p50 the middle slice's, p99 the worst slice's.
    /// </summary>
    private static WrkResult Combine(List<WrkResult> slices)
    {
        if (slices.Count == 1) return slices[0];
        var requests = slices.Sum(r => r.Requests);
        var cpuMs = slices.Sum(r => r.CpuMsPerRequest * r.Requests);
        var errors = slices.Select(r => r.Errors).Where(e => e != "none").ToList();
        return slices[0] with
        {
            RequestsPerSecond = slices.Average(r => r.RequestsPerSecond),
            P50Ms = slices.Select(r => r.P50Ms).Order().ElementAt(slices.Count / 2),
            P99Ms = slices.Max(r => r.P99Ms),
            Requests = requests,
            Errors = errors.Count == 0 ? "none" : string.Join("; ", errors),
            WebPeakRssMb = slices.Max(r => r.WebPeakRssMb),
            CpuMsPerRequest = requests == 0 ? double.NaN : cpuMs / requests,
        };
    }

    /// <summary>
    /// The issue's demo figure: the portal as `dotnet run` starts it (demo content for the five seed regions, generated
    /// into a new SQLite file, the in-process engine), 200 connections for 60 s on one resident search.
    /// </summary>
    public static async Task<WrkResult> DemoAsync(string repositoryRoot, string workDirectory, int seconds = 60)
    {
        const string url = "/zoeken?postcode=1621AB&afstand=25";
        var database = Path.Combine(workDirectory, $"demo-{Guid.NewGuid():N}.db");
        var settings = BenchHost.Settings(repositoryRoot, database, null);
        settings["Database:MigrateOnStart"] = "true";
        settings["Database:SeedDemo"] = "true";
        settings["Installation:Demo"] = "true";
        var (web, baseUrl) = StartWeb(repositoryRoot, settings);
        using var _ = web;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilAsync(http, "/health/live");
            await WaitUntilAsync(http, url, (_, response) => response.Headers.TryGetValues("Server-Timing", out var st) && st.Single().Contains("inprocess", StringComparison.Ordinal));
            await WarmUpAsync($"{baseUrl}{url}", seconds: 10, connections: 200);
            return await WrkAsync($"results page, demo data ({url})", "inprocess", $"{baseUrl}{url}", seconds, 200, web.Id);
        }
        finally
        {
            if (!web.HasExited) web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
            foreach (var file in Directory.GetFiles(workDirectory, Path.GetFileName(database) + "*")) File.Delete(file);
        }
    }

    /// <summary>The portal's Release build as its own process on a free port, with <paramref name="settings"/> as environment variables.</summary>
    private static (Process Web, string BaseUrl) StartWeb(string repositoryRoot, Dictionary<string, string?> settings)
    {
        var dll = Path.Combine(repositoryRoot, "src", "Startpunt.Web", "bin", "Release", "net10.0", "Startpunt.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: run `dotnet build -c Release` first.");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0)) { listener.Start(); port = ((IPEndPoint)listener.LocalEndpoint).Port; }
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
            if (value is not null) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_CONTENTROOT"] = Path.Combine(repositoryRoot, "src", "Startpunt.Web");
        var web = Process.Start(info)!;
        web.OutputDataReceived += (_, _) => { };
        web.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"   web: {line}"); };
        web.BeginOutputReadLine();
        web.BeginErrorReadLine();
        return (web, $"http://127.0.0.1:{port}");
    }

    private static async Task WarmUpAsync(string target, int seconds, int connections = 8)
    {
        var info = new ProcessStartInfo("wrk", $"-t2 -c{connections} -d{seconds}s --timeout 2s {target}") { RedirectStandardOutput = true, UseShellExecute = false };
        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("wrk is needed: apt-get install -y wrk");
        await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
    }

    private static async Task<WrkResult> WrkAsync(string endpoint, string engine, string target, int seconds, int connections, int webPid)
    {
        var args = $"-t2 -c{connections} -d{seconds}s --timeout 2s --latency {target}";
        Console.Error.WriteLine($"   wrk {args}");
        var info = new ProcessStartInfo("wrk", args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var cpuBefore = CpuSeconds(webPid);
        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("wrk is needed: apt-get install -y wrk");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var cpu = CpuSeconds(webPid) - cpuBefore;
        double Ms(string label)
        {
            var m = Regex.Match(output, $@"^\s*{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!m.Success) return double.NaN;
            var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => v / 1000, "s" => v * 1000, _ => v };
        }
        var rps = RequestsPerSecond().Match(output) is { Success: true } r ? double.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        var total = TotalRequests().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var errors = string.Join("; ", output.Split('\n').Where(l => l.Contains("Non-2xx", StringComparison.Ordinal) || l.Contains("Socket errors", StringComparison.Ordinal)).Select(l => l.Trim()));
        var result = new WrkResult(endpoint, engine, connections, rps, Ms("50%"), Ms("99%"), total, errors.Length == 0 ? "none" : errors, Memory.PeakMb(webPid),
            total == 0 ? double.NaN : cpu * 1000 / total);
        // Each figure as soon as it is measured, so a later failure loses nothing.
        Console.Error.WriteLine($"   -> {result}");
        return result;
    }

    /// <summary>User + system CPU time the process has used (/proc/PID/stat, fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static Task WaitUntilAsync(HttpClient http, string path, Func<string, bool>? ok = null) =>
        WaitUntilAsync(http, path, (body, _) => ok is null || ok(body));

    private static async Task WaitUntilAsync(HttpClient http, string path, Func<string, HttpResponseMessage, bool> ok)
    {
        for (var i = 0; i < 3000; i++)
        {
            try
            {
                using var response = await http.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode && ok(body, response)) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{path} did not become ready");
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex TotalRequests();
}
