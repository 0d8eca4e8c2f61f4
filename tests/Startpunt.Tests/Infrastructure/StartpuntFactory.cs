using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Startpunt.Web.Data;

namespace Startpunt.Tests.Infrastructure;

/// <summary>
/// The real app on a real SQLite file of its own, built through the same migrations and content import as
/// production, with the demo content and a fixed clock. One file per factory, so test classes run in parallel.
/// With STARTPUNT_TEST_PROVIDER=PostgreSQL (scripts/test.sh runs a set of classes so), or in a
/// <see cref="PostgreSqlFactory"/>, the store is a PostgreSQL database of its own instead, through its own migrations.
/// </summary>
public class StartpuntFactory : WebApplicationFactory<Program>
{
    public const string ProviderVariable = "STARTPUNT_TEST_PROVIDER";
    protected virtual bool UsePostgreSql => Environment.GetEnvironmentVariable(ProviderVariable) == "PostgreSQL";
    /// <summary>The factory's PostgreSQL database, when it has one.</summary>
    public string? PostgreSqlConnectionString { get; private set; }
    public StartpuntFactory() : this(new FixedClock()) { }

    protected StartpuntFactory(FixedClock clock) => Clock = clock;

    public FixedClock Clock { get; }
    public string DatabasePath { get; init; } = Path.Combine(Path.GetTempPath(), "startpunt-tests", $"{Guid.NewGuid():N}.db");
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "startpunt-tests", $"mail-{Guid.NewGuid():N}");
    /// <summary>False for a second process on another factory's database file: the owner deletes it.</summary>
    public bool DeleteDatabaseOnDispose { get; init; } = true;
    public string KeysDirectory { get; } = Path.Combine(Path.GetTempPath(), "startpunt-tests", $"keys-{Guid.NewGuid():N}");
    protected virtual bool SeedDemo => true;
    /// <summary>Extra configuration for this factory's app (e.g. Map:TileUrl), applied after the defaults above.</summary>
    public Dictionary<string, string?> Settings { get; } = [];
    protected virtual int SignInPerMinute => 10_000;
    protected virtual int ApiRequestsPerMinute => 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        builder.UseEnvironment("Testing");
        if (UsePostgreSql)
        {
            PostgreSqlConnectionString = PostgreSqlDatabase();
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:Startpunt", PostgreSqlConnectionString);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Startpunt", $"Data Source={DatabasePath};Pooling=False");
        }
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Database:SeedDemo", SeedDemo ? "true" : "false");
        builder.UseSetting("Installation:Demo", SeedDemo ? "true" : "false");
        // On PostgreSQL the key ring is in the database, shared by a second node as in production; SQLite keeps a folder per factory.
        if (!UsePostgreSql) builder.UseSetting("DataProtection:KeysDirectory", KeysDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        // The reminder job is run by the tests themselves, under the fixed clock.
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseSetting("Accounts:SignInPerMinute", SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("OpenData:RequestsPerMinute", ApiRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A new database of the factory's own; a second node takes the first one's.</summary>
    protected virtual string PostgreSqlDatabase() =>
        // ConfigureWebHost is synchronous; Task.Run keeps xunit's context out of the wait.
        Task.Run(async () => await (await PostgresServer.SharedAsync()).CreateDatabaseAsync()).GetAwaiter().GetResult();

    protected virtual bool OwnsDatabase => true;

    /// <summary>A fresh DbContext on the factory's database, for arranging and checking data.</summary>
    public StartpuntDb CreateDb() => Services.CreateScope().ServiceProvider.GetRequiredService<StartpuntDb>();

    /// <summary>Starts the app on real Kestrel at a free loopback port (for the browser) and returns its address.</summary>
    public string StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (PostgreSqlConnectionString is { } postgreSql && OwnsDatabase && DeleteDatabaseOnDispose)
            Task.Run(async () => await (await PostgresServer.SharedAsync()).DropDatabaseAsync(postgreSql)).GetAwaiter().GetResult();
        foreach (var suffix in DeleteDatabaseOnDispose ? ["", "-wal", "-shm"] : Array.Empty<string>())
        {
            try { File.Delete(DatabasePath + suffix); } catch (IOException) { }
        }
        foreach (var dir in new[] { MailDirectory, KeysDirectory })
        {
            try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>The app on a PostgreSQL database of its own (PostGIS), whatever STARTPUNT_TEST_PROVIDER says.</summary>
public class PostgreSqlFactory : StartpuntFactory
{
    protected override bool UsePostgreSql => true;
}

/// <summary>
/// A second web node: the same PostgreSQL database and clock as <paramref name="first"/>, a process state (key ring
/// cache, caches, background services) of its own, as a second server would have.
/// </summary>
public sealed class PostgreSqlNodeFactory(StartpuntFactory first) : StartpuntFactory(first.Clock)
{
    protected override bool UsePostgreSql => true;
    protected override string PostgreSqlDatabase() => first.PostgreSqlConnectionString ?? throw new InvalidOperationException("the first node has no PostgreSQL database");
    protected override bool OwnsDatabase => false;
}
