using Startpunt.Web;
using Startpunt.Web.Cluster;
using Startpunt.Web.Data;
using Startpunt.Web.Features.Account;
using Startpunt.Web.Features.Consultant;
using Startpunt.Web.Features.ContractManager;
using Startpunt.Web.Features.Freshness;
using Startpunt.Web.Features.OpenData;
using Startpunt.Web.Features.Provider;
using Startpunt.Web.Features.Search;
using Startpunt.Web.Mail;
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
builder.AddStartpuntData();
builder.AddStartpuntCluster();
builder.AddStartpuntSearch();
builder.AddStartpuntMail();
builder.AddStartpuntAccounts();
builder.AddStartpuntResidentSearch();
builder.AddStartpuntProviderWorkspace();
builder.AddStartpuntConsultant();
builder.AddStartpuntContractManager();
builder.AddStartpuntFreshness();
builder.AddStartpuntOpenData();
builder.AddStartpuntWeb();

var app = builder.Build();

if (args.Contains("migrate"))
{
    // The explicit schema step for production: migrations, open data, content/ (and demo content when configured).
    await app.InitializeDatabaseAsync();
    app.EnsureKeyRing();
    return 0;
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
