using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Data;

namespace Startpunt.Tests.Data;

/// <summary>A changed threshold in content/ takes effect through the import, without a code change.</summary>
public sealed class ThresholdContentTests(BareFactory app) : IClassFixture<BareFactory>
{
    [Fact]
    public async Task A_changed_threshold_in_the_region_file_takes_effect_at_the_next_import()
    {
        var content = Path.Combine(Path.GetTempPath(), "startpunt-tests", $"content-{Guid.NewGuid():N}");
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "content"), content);
        var file = Path.Combine(content, "regions", "meierij", "region.yml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("greenMaxWeeks: 2", "greenMaxWeeks: 3"));
        try
        {
            using var factory = app.WithWebHostBuilder(b => b.UseSetting("Paths:ContentDirectory", content));
            using var scope = factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().RunAsync();
            var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
            Assert.Equal(3, (await db.Regions.SingleAsync(r => r.Id == "meierij")).GreenMaxWeeks);
            Assert.Equal(2, (await db.Regions.SingleAsync(r => r.Id == "westfriesland")).GreenMaxWeeks);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(f, f.Replace(from, to));
    }
}
