using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data;

/// <summary>
/// The explicit set-up step: apply migrations, import open data and content/, and (when asked) seed demo content.
/// `dotnet run -- migrate` runs it and exits; in Development the app runs it at start.
/// </summary>
public sealed class DatabaseInitializer(
    StartpuntDb db, ContentStore content, IOptions<DatabaseOptions> options, TimeProvider clock, ILoggerFactory logs,
    UserManager<StartpuntUser> users, RoleManager<IdentityRole> roles, Installation installation, ContentVersion version)
{
    public async Task RunAsync(CancellationToken ct = default)
    {
        // Reading the installation's options validates them: a non-demo installation asking for demo accounts stops here.
        var isDemo = installation.IsDemo;
        await db.Database.MigrateAsync(ct);
        await db.PrepareAsync(ct);

        var openData = new OpenDataImport(db, content, logs.CreateLogger<OpenDataImport>());
        await openData.ImportMunicipalitiesAsync(ct);
        await openData.ImportPostcodesAsync(ct);
        await new ContentImport(db, content, openData).ImportAsync(ct);
        version.Changed();

        await DemoAccounts.EnsureRolesAsync(roles);

        if (options.Value.SeedDemo && isDemo)
        {
            if (!await db.Providers.AnyAsync(ct))
                await new DemoSeeder(db, content, clock, logs.CreateLogger<DemoSeeder>()).SeedAsync(ct);
            await DemoAccounts.CreateAsync(db, users, clock.GetUtcNow().UtcDateTime, ct);
        }
        // After an import the planner needs fresh statistics.
        await db.OptimizeAsync(ct);
    }
}
