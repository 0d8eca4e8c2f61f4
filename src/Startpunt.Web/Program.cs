using Startpunt.Web;
using Startpunt.Web.Cluster;
using Startpunt.Web.Data;
using Startpunt.Web.Data.Moving;
using Startpunt.Web.Features.Account;
using Startpunt.Web.OfferSearch;

if (args.Contains("healthcheck"))
{
    // For the container's HEALTHCHECK: the runtime image has no curl.
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    var url = Environment.GetEnvironmentVariable("HEALTHCHECK_URL") ?? "http://127.0.0.1:8080/health";
    try { return (await http.GetAsync(url)).IsSuccessStatusCode ? 0 : 1; }
    catch (HttpRequestException) { return 1; }
}

var builder = WebApplication.CreateBuilder(args);
builder.AddStartpunt();

var app = builder.Build();

try
{
    // Refuses an unsafe configuration (demo accounts outside a demo, no public address in Production) with its reason.
    _ = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<InstallationOptions>>().Value;
}
catch (Microsoft.Extensions.Options.OptionsValidationException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

if (args.Contains("migrate"))
{
    // The explicit schema step for production: migrations, open data, content/ (and demo content when configured).
    await app.InitializeDatabaseAsync();
    app.EnsureKeyRing();
    return 0;
}
if (Array.IndexOf(args, "create-admin") is var adminAt and >= 0)
{
    // The way into a new installation: an administrator and a one-time link to choose a password.
    await app.InitializeDatabaseOnStartAsync();
    return await CreateAdminCommand.RunAsync(app.Services, args.ElementAtOrDefault(adminAt + 1), Console.Out, Console.Error);
}
if (Array.IndexOf(args, "copy-database") is var copyAt and >= 0)
{
    // Moving to PostgreSQL: this SQLite installation, every table with its ids, into an empty PostgreSQL database.
    return await CopyDatabaseCommand.RunAsync(app.Services, args.ElementAtOrDefault(copyAt + 1), Console.Out, Console.Error);
}
if (Array.IndexOf(args, "backup") is var backupAt and >= 0)
{
    // A consistent copy of the running SQLite database (the online backup API).
    return await BackupCommand.RunAsync(app.Services, args.ElementAtOrDefault(backupAt + 1), Console.Out, Console.Error);
}
if (args.Contains("reindex"))
{
    // Rebuilds the Meilisearch index from the database without downtime (new index, then swap).
    return await app.ReindexAsync();
}
if (args.Contains("schema-script"))
{
    // For writing a migration by hand: the SQL the current model would create.
    Console.WriteLine(app.ModelCreateScript());
    return 0;
}

await app.InitializeDatabaseOnStartAsync();
app.UseStartpuntWeb();
await app.RunAsync();
return 0;

public partial class Program;
