using Startpunt.Web;
using Startpunt.Web.Data;
using Startpunt.Web.Search;

var builder = WebApplication.CreateBuilder(args);
builder.AddStartpuntData();
builder.AddStartpuntSearch();
builder.AddStartpuntWeb();

var app = builder.Build();

if (args.Contains("migrate"))
{
    // The explicit schema step for production: migrations, open data, content/ (and demo content when configured).
    await app.InitializeDatabaseAsync();
    return;
}
if (args.Contains("schema-script"))
{
    // For writing a migration by hand: the SQL the current model would create.
    Console.WriteLine(app.ModelCreateScript());
    return;
}

await app.InitializeDatabaseOnStartAsync();
app.UseStartpuntWeb();
app.Run();

public partial class Program;
