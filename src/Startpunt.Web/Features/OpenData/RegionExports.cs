using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.OpenData;

/// <summary>One region's open data in two files, generated together.</summary>
public sealed record RegionExport(string Stamp, string BaseUrl, DateTime GeneratedAt, DateTime ValidUntil, byte[] Json, byte[] Zip)
{
    public string JsonETag { get; } = ETag(Json);
    public string ZipETag { get; } = ETag(Zip);

    private static string ETag(byte[] bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"";
}

/// <summary>
/// The exports of a whole region: one JSON file and an HSDS tabular data package (CSV files with datapackage.json in a
/// ZIP). Generated when asked and kept until the region's data changes (a newer last-modified time or another number
/// of offers) or until a stoplight in it would change colour by time alone; so a download is always current, and
/// repeated downloads cost nothing.
/// </summary>
public sealed class RegionExports(IServiceScopeFactory scopes, ContentStore content, TimeProvider clock)
{
    // One export per region: the newest (a request under another host name replaces it rather than adding one).
    private readonly ConcurrentDictionary<string, RegionExport> _cache = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The current export of a region, or null when there is no such region.</summary>
    public async Task<RegionExport?> GetAsync(string regionId, string baseUrl, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<HsdsData>();
        if (!await data.Db.Regions.AnyAsync(r => r.Id == regionId, ct)) return null;
        var stamp = await StampAsync(data.Db, regionId, ct);
        if (Current(regionId, baseUrl, stamp) is { } cached) return cached;
        await _gate.WaitAsync(ct);
        try
        {
            if (Current(regionId, baseUrl, stamp) is { } again) return again;
            var export = await GenerateAsync(data, regionId, baseUrl, stamp, ct);
            _cache[regionId] = export;
            return export;
        }
        finally
        {
            _gate.Release();
        }
    }

    private RegionExport? Current(string regionId, string baseUrl, string stamp) =>
        _cache.TryGetValue(regionId, out var e) && e.Stamp == stamp && e.BaseUrl == baseUrl && clock.GetUtcNow().UtcDateTime <= e.ValidUntil ? e : null;

    /// <summary>What the export depends on: the latest change of the region's offers, providers, locations and catalogue.</summary>
    private static async Task<string> StampAsync(StartpuntDb db, string regionId, CancellationToken ct)
    {
        var offers = db.Offers.IgnoreQueryFilters().Where(o => o.RegionId == regionId);
        var times = new[]
        {
            await offers.MaxAsync(o => (DateTime?)o.UpdatedAt, ct),
            await db.Providers.Where(p => offers.Any(o => o.ProviderId == p.Id)).MaxAsync(p => (DateTime?)p.UpdatedAt, ct),
            await db.Locations.Where(l => offers.Any(o => o.ProviderId == l.ProviderId)).MaxAsync(l => (DateTime?)l.UpdatedAt, ct),
            await db.Products.Where(p => p.RegionId == regionId).MaxAsync(p => (DateTime?)p.UpdatedAt, ct),
            await db.ProductLevels.Where(l => db.Products.Any(p => p.Id == l.ProductId && p.RegionId == regionId)).MaxAsync(l => (DateTime?)l.UpdatedAt, ct),
            await db.TargetGroups.MaxAsync(t => (DateTime?)t.UpdatedAt, ct),
        };
        return $"{times.Max():O}/{await offers.CountAsync(ct)}/{await db.Regions.Where(r => r.Id == regionId).Select(r => r.GreenMaxWeeks * 10000 + r.OrangeMaxWeeks * 100 + r.FreshnessDays).SingleAsync(ct)}";
    }

    private async Task<RegionExport> GenerateAsync(HsdsData data, string regionId, string baseUrl, string stamp, CancellationToken ct)
    {
        var db = data.Db;
        var now = clock.GetUtcNow().UtcDateTime;
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == regionId, ct);
        var mapper = await data.MapperAsync(baseUrl, ct);
        var offers = await HsdsData.WithDetails(data.Offers(withInactive: false).Where(o => o.RegionId == regionId)).OrderBy(o => o.Id).ToListAsync(ct);
        var providers = offers.Select(o => o.Provider!).DistinctBy(p => p.Id).OrderBy(p => p.Id).ToList();
        var locations = offers.Where(o => o.Location is not null).Select(o => (Location: o.Location!, Organization: o.Provider!.PublicId))
            .DistinctBy(l => l.Location.Id).OrderBy(l => l.Location.Id).ToList();
        mapper.History = await data.HistoryAsync(
        [
            ("Offer", offers.Select(o => o.Id).ToList()), ("Provider", providers.Select(p => p.Id).ToList()),
            ("Location", locations.Select(l => l.Location.Id).ToList()),
        ], ct);

        var regionTerms = mapper.Catalogue.Terms
            .Where(t => t.Kind is not (TermKind.Region or TermKind.Lot or TermKind.Product or TermKind.Level) || t.Key == regionId)
            .Select(t => t.Term with { TaxonomyDetail = null }).ToList();
        var file = new RegionExportFile
        {
            HsdsVersion = "3.1",
            Generated = HsdsMapper.Timestamp(now),
            Region = new RegionExportFile.RegionInfo(region.Id, region.Name, HsdsCatalogue.RegionTermId(region.Id)),
            License = "CC0-1.0",
            Documentation = $"{baseUrl}/open-data",
            Organizations = providers.Select(p => mapper.Organization(p, full: true) with { Locations = null, Services = null }).ToList(),
            Services = offers.Select(o => mapper.Service(o, full: true, withOrganization: false)).ToList(),
            Locations = locations.Select(l => mapper.Location(l.Location, l.Organization, full: true)).ToList(),
            Taxonomies = mapper.Catalogue.Taxonomies.OrderBy(t => t.Name, StringComparer.Ordinal).ToList(),
            TaxonomyTerms = regionTerms,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(file, HsdsJson.Options);
        var zip = TabularPackage.Build(file, Path.Combine(content.OpenData, "hsds-3.1"), now);

        // A stoplight turns "onbekend" when its confirmation gets too old: the export is regenerated at that moment.
        var rules = region.Rules;
        var validUntil = offers.Where(o => o.Availability.ConfirmedAt is not null)
            .Select(o => o.Availability.ConfirmedAt!.Value.AddDays(rules.FreshnessDays))
            .Where(t => t >= now).DefaultIfEmpty(DateTime.MaxValue).Min();
        return new RegionExport(stamp, baseUrl, now, validUntil, json, zip);
    }
}

/// <summary>The single-file JSON export of a region (its own envelope; every object in it is HSDS 3.1).</summary>
public sealed record RegionExportFile
{
    public required string HsdsVersion { get; init; }
    public required string Generated { get; init; }
    public required RegionInfo Region { get; init; }
    public required string License { get; init; }
    public required string Documentation { get; init; }
    public required IReadOnlyList<HsdsOrganization> Organizations { get; init; }
    public required IReadOnlyList<HsdsService> Services { get; init; }
    public required IReadOnlyList<HsdsLocation> Locations { get; init; }
    public required IReadOnlyList<HsdsTaxonomy> Taxonomies { get; init; }
    public required IReadOnlyList<HsdsTaxonomyTerm> TaxonomyTerms { get; init; }

    public sealed record RegionInfo(string Id, string Name, Guid TaxonomyTermId);
}
