using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Data.PostgreSql;
using Startpunt.Web.Data.Sqlite;

namespace Startpunt.Web.Data;

/// <summary>Where the app finds its content/ folder and the open data of shared/data.</summary>
public sealed class PathOptions
{
    /// <summary>The content/ folder; relative paths are taken from the repository root.</summary>
    public string ContentDirectory { get; set; } = "content";
    /// <summary>shared/data (pc4.csv, gemeenten.csv, regions.csv ...); relative paths are taken from the repository root.</summary>
    public string OpenDataDirectory { get; set; } = "../shared/data";
    public string? ResolvedContent { get; set; }
    public string? ResolvedOpenData { get; set; }
}

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>Where the data lives; <see cref="KeysDirectory"/> is the data-protection key folder beside a SQLite file.</summary>
public sealed record DatabaseStore(DatabaseProvider Provider, string ConnectionString, string? KeysDirectory);

public sealed class DatabaseOptions
{
    /// <summary>`Sqlite` (the default: one file, one process) or `PostgreSQL` (several web nodes).</summary>
    public DatabaseProvider Provider { get; set; }
    /// <summary>Apply migrations and import content at start (on in Development; production runs `migrate` as a step).</summary>
    public bool MigrateOnStart { get; set; }
    /// <summary>Create fictional demo providers and offers in an empty database.</summary>
    public bool SeedDemo { get; set; }
    /// <summary>How often SQLite's planner statistics are refreshed (<see cref="DatabaseMaintenance"/>); zero turns it off.</summary>
    public TimeSpan OptimizeInterval { get; set; } = TimeSpan.FromHours(6);
}

public static class DataSetup
{
    public static WebApplicationBuilder AddStartpuntData(this WebApplicationBuilder builder)
    {
        var root = FindRepositoryRoot(builder.Environment.ContentRootPath);
        builder.Services.AddOptions<PathOptions>()
            .Bind(builder.Configuration.GetSection("Paths"))
            .PostConfigure(o =>
            {
                o.ResolvedContent = Path.GetFullPath(o.ContentDirectory, root);
                o.ResolvedOpenData = Path.GetFullPath(o.OpenDataDirectory, root);
            });
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection("Database"));
        builder.Services.AddOptions<InstallationOptions>().Bind(builder.Configuration.GetSection("Installation")).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<InstallationOptions>, InstallationValidator>();
        builder.Services.AddSingleton<Installation>();

        builder.AddStartpuntDb();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditActor>();
        builder.Services.AddSingleton<ContentStore>();
        builder.Services.AddSingleton<EmbedOrigins>();
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddSingleton<Content.ContentVersion>();
        builder.Services.AddHealthChecks().AddDbContextCheck<StartpuntDb>("database", tags: ["ready"]);
        builder.Services.AddHostedService<DatabaseMaintenance>();
        return builder;
    }

    /// <summary>
    /// The configured provider's context, registered as <see cref="StartpuntDb"/> (what every feature asks for) and
    /// as its own type (what its migrations are attributed to).
    /// </summary>
    private static void AddStartpuntDb(this WebApplicationBuilder builder)
    {
        var store = ResolveStore(builder);
        if (store.Provider == DatabaseProvider.PostgreSql)
        {
            builder.Services.AddDbContext<StartpuntDb, PostgreSqlStartpuntDb>(o => PostgreSqlStartpuntDb.Configure(o, store.ConnectionString));
            return;
        }
        Directory.CreateDirectory(store.KeysDirectory!);
        builder.Services.AddDbContext<StartpuntDb, SqliteStartpuntDb>(o => SqliteStartpuntDb.Configure(o, store.ConnectionString));
    }

    /// <summary>The provider and connection string from configuration (`Database:Provider`, `ConnectionStrings:Startpunt`).</summary>
    public static DatabaseStore ResolveStore(WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue<DatabaseProvider?>("Database:Provider") ?? DatabaseProvider.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString("Startpunt");
        if (provider == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is PostgreSQL: set ConnectionStrings:Startpunt (ConnectionStrings__Startpunt), e.g. Host=db;Database=startpunt;Username=startpunt;Password=...");
            return new DatabaseStore(provider, connectionString, null);
        }
        var root = FindRepositoryRoot(builder.Environment.ContentRootPath);
        connectionString = WithAbsolutePath(connectionString ?? "Data Source=data/startpunt.db", root);
        var folder = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource);
        return new DatabaseStore(provider, connectionString, Path.Combine(string.IsNullOrEmpty(folder) ? root : folder, "keys"));
    }

    /// <summary>The folder with Startpunt.sln, so that `dotnet run` from any folder finds content/ and ../shared.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Startpunt.sln"))) return dir.FullName;
        }
        return start;
    }

    private static string WithAbsolutePath(string connectionString, string root)
    {
        var csb = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:")
            csb.DataSource = Path.GetFullPath(csb.DataSource, root);
        return csb.ToString();
    }
}

public static class DatabaseStartup
{
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().RunAsync(app.Lifetime.ApplicationStopping);
    }

    public static async Task InitializeDatabaseOnStartAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStart) await app.InitializeDatabaseAsync();
    }

    public static string ModelCreateScript(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        return Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GenerateCreateScript(
            scope.ServiceProvider.GetRequiredService<StartpuntDb>().Database);
    }
}
