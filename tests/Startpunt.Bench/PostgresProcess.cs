using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Startpunt.Bench;

/// <summary>A PostgreSQL 15 + PostGIS server of the benchmark's own (scripts/postgres.sh) in the work folder, on a free loopback port.</summary>
public sealed class PostgresProcess : IAsyncDisposable
{
    private readonly string _script;
    private readonly string _directory;

    private PostgresProcess(string script, string directory, string admin) => (_script, _directory, Admin) = (script, directory, admin);

    public string Admin { get; }

    public static async Task<PostgresProcess> StartAsync(string repositoryRoot, string workDirectory)
    {
        var script = Path.Combine(repositoryRoot, "scripts", "postgres.sh");
        var directory = Path.Combine(workDirectory, $"postgres-{Guid.NewGuid():N}");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var admin = (await RunAsync(script, "start", directory, port.ToString(System.Globalization.CultureInfo.InvariantCulture))).Trim();
        return new PostgresProcess(script, directory, admin);
    }

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var admin = new NpgsqlConnection(Admin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(Admin) { Database = name, MaxPoolSize = 50 }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync(_script, "stop", _directory);
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["PG_FAST"] = "1";
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{script} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed: {await errors}");
        return await output;
    }
}
