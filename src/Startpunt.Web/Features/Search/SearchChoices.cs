using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;

namespace Startpunt.Web.Features.Search;

/// <summary>
/// What a search needs besides the offers, and what changes only with content (open data and content/regions, imported
/// at start): postcode areas, municipalities with their region, each region's products, target groups, languages and
/// which municipalities take part. Read from the database once per content version, so a warm search page runs no SQL;
/// an import (<see cref="Data.Content.ContentVersion"/>) has them read again. Shared by every request: read-only.
/// </summary>
public sealed class SearchChoices(IServiceScopeFactory scopes, Data.Content.ContentVersion version)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _current;

    public async ValueTask<Snapshot> GetAsync(CancellationToken ct)
    {
        if (_current is { } current && current.Version == version.Value) return current;
        await _loading.WaitAsync(ct);
        try
        {
            if (_current is { } loaded && loaded.Version == version.Value) return loaded;
            return _current = await LoadAsync(version.Value, ct);
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(int contentVersion, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().ToListAsync(ct);
        foreach (var m in municipalities) m.Region = regions.Find(r => r.Id == m.RegionId);
        var products = await db.Products.AsNoTracking().Include(p => p.Lot).Include(p => p.Levels)
            .Where(p => p.Kind != ProductKind.Vervoer)
            .OrderBy(p => p.Lot!.SortOrder).ThenBy(p => p.SortOrder).ToListAsync(ct);
        var inRegions = municipalities.Where(m => m.RegionId != null).Select(m => m.Code).ToHashSet();
        return new Snapshot(
            contentVersion,
            (await db.PostcodeAreas.AsNoTracking().ToListAsync(ct)).ToDictionary(a => a.Pc4),
            municipalities.ToDictionary(m => m.Code),
            regions.ToDictionary(r => r.Id),
            regions.Select(r => r.Name).ToList(),
            products.GroupBy(p => p.RegionId).ToDictionary(g => g.Key, g => (IReadOnlyList<Product>)g.ToList()),
            (await db.Products.AsNoTracking().Select(p => p.Code).ToListAsync(ct)).ToHashSet(),
            await db.TargetGroups.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct),
            await db.Languages.AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync(ct),
            inRegions);
    }

    public sealed record Snapshot(
        int Version,
        IReadOnlyDictionary<int, PostcodeArea> PostcodeAreas,
        IReadOnlyDictionary<string, Municipality> Municipalities,
        IReadOnlyDictionary<string, Region> Regions,
        IReadOnlyList<string> RegionNames,
        IReadOnlyDictionary<string, IReadOnlyList<Product>> ProductsByRegion,
        IReadOnlySet<string> ProductCodes,
        IReadOnlyList<TargetGroup> TargetGroups,
        IReadOnlyList<Language> Languages,
        IReadOnlySet<string> MunicipalitiesInRegions)
    {
        /// <summary>A region's products a resident can search for (transport is searched through day activities).</summary>
        public IReadOnlyList<Product> ProductsOf(string regionId) => ProductsByRegion.GetValueOrDefault(regionId) ?? [];
    }
}
