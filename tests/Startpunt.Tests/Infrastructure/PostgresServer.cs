using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Startpunt.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL 15 + PostGIS 3 server for the tests: the one scripts/test.sh started (its superuser connection
/// string in STARTPUNT_TEST_POSTGRES), or else one this process starts through scripts/postgres.sh in a folder of its
/// own on a free loopback port and stops when it exits. Each test class gets a database of its own.
/// </summary>
public sealed class PostgresServer
{
    public const string Variable = "STARTPUNT_TEST_POSTGRES";
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartOrReuseAsync);

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    /// <summary>The superuser on the maintenance database `postgres`.</summary>
    public string AdminConnectionString { get; }

    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    /// <summary>A new, empty database (PostGIS comes with the migrations); returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"startpunt_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing what still uses it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartOrReuseAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given) return new PostgresServer(given);
        var script = Path.Combine(RepositoryPaths.Root, "scripts", "postgres.sh");
        var directory = Path.Combine(Path.GetTempPath(), "startpunt-tests", $"pg-{Guid.NewGuid():N}");
        var port = FreePort();
        var connectionString = (await RunAsync(script, ["start", directory, port.ToString(System.Globalization.CultureInfo.InvariantCulture)])).Trim();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(script, ["stop", directory]).GetAwaiter().GetResult();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return new PostgresServer(connectionString);
    }

    private static async Task<string> RunAsync(string script, string[] arguments)
    {
        var info = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["PG_FAST"] = "1";
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{script} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}");
        return await output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
