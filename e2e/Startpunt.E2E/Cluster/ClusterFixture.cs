using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.E2E.Cluster;

/// <summary>
/// The cluster of scripts/run-cluster.sh, started by the tests as an operator starts it: PostgreSQL + PostGIS in a
/// temp folder, Meilisearch, two web nodes (real processes of the Release build) and Debian's nginx from
/// deploy/nginx, all on free loopback ports. The reminder job runs every two seconds on every node. Stopped with
/// SIGTERM (the script's Ctrl-C path) when the tests end.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "startpunt-tests", $"cluster-{Guid.NewGuid():N}");
    private readonly StringBuilder _log = new();
    private Process? _script;

    public string ProxyUrl => Env["PROXY_URL"];
    public string Node1Url => Env["NODE1_URL"];
    public string Node2Url => Env["NODE2_URL"];
    public int Node2Pid => int.Parse(Env["NODE2_PID"], System.Globalization.CultureInfo.InvariantCulture);
    public string Postgres => Env["POSTGRES"];
    public string MailDirectory => Env["MAIL_DIRECTORY"];
    public string MeilisearchUrl => Env["MEILISEARCH_URL"];
    public string MeilisearchKey => Env["MEILISEARCH_KEY"];
    public Dictionary<string, string> Env { get; } = [];
    public DateTime StartedAt { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var info = new ProcessStartInfo(Path.Combine(RepositoryPaths.Root, "scripts", "run-cluster.sh"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryPaths.Root,
        };
        info.Environment["PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["CLUSTER_DIR"] = _directory;
        info.Environment["NO_BUILD"] = "1";
        info.Environment["DEMO"] = "true";
        info.Environment["STARTPUNT_Reminders__Interval"] = "00:00:02";
        info.Environment["STARTPUNT_Logging__LogLevel__Default"] = "Warning";
        _script = Process.Start(info) ?? throw new InvalidOperationException("run-cluster.sh did not start");
        _script.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _script.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _script.BeginOutputReadLine();
        _script.BeginErrorReadLine();

        // The script writes cluster.env once nginx and every node answer (/health/ready).
        var file = Path.Combine(_directory, "cluster.env");
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(file))
        {
            if (_script.HasExited) throw new InvalidOperationException($"run-cluster.sh ended ({_script.ExitCode}) before the cluster answered:\n{Log}");
            if (deadline.Elapsed > TimeSpan.FromMinutes(4)) throw new TimeoutException($"The cluster did not answer within 4 minutes:\n{Log}");
            await Task.Delay(250);
        }
        foreach (var line in await File.ReadAllLinesAsync(file))
            if (line.Split('=', 2) is [var key, var value]) Env[key] = value;
        StartedAt = DateTime.UtcNow;
    }

    public string Log { get { lock (_log) return _log.ToString(); } }

    public async Task DisposeAsync()
    {
        if (_script is { HasExited: false })
        {
            using (var term = Process.Start("kill", ["-TERM", _script.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try { await _script.WaitForExitAsync(stop.Token); }
            catch (OperationCanceledException) { _script.Kill(entireProcessTree: true); }
        }
        _script?.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
