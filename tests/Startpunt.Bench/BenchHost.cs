using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Startpunt.Web;
using Startpunt.Web.Data;
using Startpunt.Web.Features.Account;
using Startpunt.Web.Features.Freshness;
using Startpunt.Web.Mail;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Bench;

/// <summary>The portal's own composition (<c>AddStartpunt</c>, as Program.cs) on the benchmark's database and Meilisearch, without serving pages.</summary>
public static class BenchHost
{
    public const string Index = "bench_offers";

    /// <param name="postgreSql">A PostgreSQL database to use instead of the SQLite file (the PostgreSQL column).</param>
    public static WebApplication Build(string repositoryRoot, string databasePath, string? meilisearchUrl, TimeProvider clock, string? postgreSql = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(repositoryRoot, "src", "Startpunt.Web"),
            EnvironmentName = "Production",
            Args = [],
        });
        var settings = Settings(repositoryRoot, databasePath, meilisearchUrl);
        if (postgreSql is not null)
        {
            settings["Database:Provider"] = "PostgreSQL";
            settings["ConnectionStrings:Startpunt"] = postgreSql;
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddStartpunt();
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton(clock);
        return builder.Build();
    }

    /// <summary>What the web process needs for the benchmark database (also passed to it as environment variables for the page run).</summary>
    public static Dictionary<string, string?> Settings(string repositoryRoot, string databasePath, string? meilisearchUrl) => new()
    {
        ["ConnectionStrings:Startpunt"] = $"Data Source={databasePath}",
        ["Paths:ContentDirectory"] = Path.Combine(repositoryRoot, "content"),
        ["Paths:OpenDataDirectory"] = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "data")),
        ["Database:MigrateOnStart"] = "false",
        ["Database:SeedDemo"] = "false",
        // A Production installation needs its public address; the benchmark's is this machine.
        ["Installation:PublicBaseUrl"] = "http://127.0.0.1",
        ["Reminders:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Search:Meilisearch:Url"] = meilisearchUrl,
        ["Search:Meilisearch:Key"] = meilisearchUrl is null ? null : MeilisearchProcess.Key,
        ["Search:Meilisearch:Index"] = meilisearchUrl is null ? null : Index,
    };
}

/// <summary>Time as the data set sees it: the reference moment it was generated for, running on from there.</summary>
public sealed class BenchClock(DateTime referenceUtc) : TimeProvider
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(referenceUtc, TimeSpan.Zero) + Stopwatch.GetElapsedTime(_started);
}
