using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Startpunt.Bench;

/// <summary>A Meilisearch server from the npm binary in .tools/meilisearch, on a free loopback port, for this run only.</summary>
public sealed class MeilisearchProcess : IAsyncDisposable
{
    public const string Key = "startpunt-bench-master-key-0123456789";
    private readonly Process _process;
    private readonly string _directory;

    private MeilisearchProcess(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }
    public int ProcessId => _process.Id;

    public static async Task<MeilisearchProcess> StartAsync(string repositoryRoot, string workDirectory, string indexingMemory)
    {
        var binary = Environment.GetEnvironmentVariable("MEILISEARCH_BINARY") is { Length: > 0 } b ? b
            : Path.Combine(repositoryRoot, ".tools", "meilisearch", "node_modules", "@gaubee", "meilisearch-linux-amd64", "meilisearch");
        if (!File.Exists(binary)) throw new InvalidOperationException($"No Meilisearch at {binary}: run scripts/meilisearch.sh first.");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0)) { listener.Start(); port = ((IPEndPoint)listener.LocalEndpoint).Port; }
        var directory = Path.Combine(workDirectory, $"meili-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     "--http-addr", $"127.0.0.1:{port}", "--db-path", Path.Combine(directory, "data.ms"), "--dump-dir", Path.Combine(directory, "dumps"),
                     "--master-key", Key, "--no-analytics", "--log-level", "WARN", "--max-indexing-memory", indexingMemory,
                 })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MeilisearchProcess(process, directory, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync($"{server.Url}/health")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("Meilisearch did not start");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
