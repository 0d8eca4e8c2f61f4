using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Bench;

/// <summary>One query of the mix, and the same search as a results-page URL (for the page run).</summary>
public sealed record BenchQuery(string Kind, OfferSearchQuery Query, string Url);

/// <summary>
/// The query mix, the same for every engine: a postcode in a region (weighted by its offers), a radius, and per kind
/// a product and target group; with a maximum waiting time; with free text (an activity, sometimes with a town);
/// with a contracted municipality (the postcode's own, as a consultant would search).
/// </summary>
public static class QueryMix
{
    public const string GeoFilters = "postcode + radius + product + target group";
    public const string MaxWait = "… + maximum waiting time";
    public const string FreeText = "postcode + radius + free text";
    public const string Contracted = "… + contracted municipality";
    public const string National = "postcode + 25–50 km, no product or target group";
    public static readonly string[] Kinds = [GeoFilters, MaxWait, FreeText, Contracted, National];

    private static readonly string[] Words = ["tuinieren", "houtbewerking", "zorgboerderij", "koken", "muziek", "wandelen", "schilderen", "geheugentraining", "logeerhuis", "huishouden"];

    public static async Task<Dictionary<string, List<BenchQuery>>> CreateAsync(StartpuntDb db, int perKind)
    {
        var random = new Random(4242);
        var offers = await db.Offers.AsNoTracking().GroupBy(o => o.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var regions = offers.Keys.Order(StringComparer.Ordinal).ToList();
        var areas = (await db.PostcodeAreas.AsNoTracking().Join(db.Municipalities.Where(m => m.RegionId != null), a => a.MunicipalityCode, m => m.Code,
            (a, m) => new { a.Pc4, a.Latitude, a.Longitude, a.Place, a.MunicipalityCode, m.RegionId }).OrderBy(a => a.Pc4).ToListAsync()).ToLookup(a => a.RegionId!);
        var products = (await db.Products.AsNoTracking().Where(p => p.Kind != ProductKind.Vervoer).OrderBy(p => p.Id).ToListAsync()).ToLookup(p => p.RegionId);
        var groups = await db.TargetGroups.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync();
        var radii = new[] { 5, 10, 10, 25, 25, 50 };
        var kinds = new[] { ProductKind.Dagbesteding, ProductKind.Dagbesteding, ProductKind.Begeleiding, ProductKind.Begeleiding, ProductKind.Huishouden, ProductKind.Logeren };

        var mix = Kinds.ToDictionary(k => k, _ => new List<BenchQuery>());
        foreach (var kind in Kinds)
        {
            for (var i = 0; i < perKind; i++)
            {
                var x = random.NextDouble() * offers.Values.Sum();
                var region = regions.First(r => (x -= offers[r]) <= 0 || r == regions[^1]);
                var candidates = areas[region].ToList();
                var area = candidates[random.Next(candidates.Count)];
                var radius = kind == National ? new[] { 25, 50 }[random.Next(2)] : radii[random.Next(radii.Length)];
                var productKind = kinds[random.Next(kinds.Length)];
                var productIds = products[region].Where(p => p.Kind == productKind).Select(p => p.Id).ToList();
                var group = groups[random.Next(groups.Count)];
                var targetGroups = group.IsSector ? groups.Where(g => g.SectorCode == group.Code).Select(g => g.Code).Append(group.Code).ToList() : [group.Code];
                var query = new OfferSearchQuery
                {
                    RegionId = region, Latitude = area.Latitude, Longitude = area.Longitude, MunicipalityCode = area.MunicipalityCode, RadiusKm = radius,
                    Sort = random.NextDouble() < 0.8 ? SearchSort.Distance : SearchSort.WaitingTime,
                };
                var url = new Dictionary<string, string?> { ["postcode"] = area.Pc4.ToString("D4", CultureInfo.InvariantCulture), ["afstand"] = radius.ToString(CultureInfo.InvariantCulture) };
                if (query.Sort == SearchSort.WaitingTime) url["sorteer"] = "wachttijd";
                if (kind is not (FreeText or National))
                {
                    query = query with { ProductIds = productIds, TargetGroups = targetGroups };
                    url["product"] = productKind.ToString().ToLowerInvariant();
                    url["doelgroep"] = group.Code;
                }
                switch (kind)
                {
                    case MaxWait:
                        var weeks = new[] { 0, 2, 4, 6 }[random.Next(4)];
                        query = query with { StartWithinWeeks = weeks };
                        url["binnen"] = weeks.ToString(CultureInfo.InvariantCulture);
                        break;
                    case FreeText:
                        var text = random.NextDouble() < 0.7 ? Words[random.Next(Words.Length)] : $"{Words[random.Next(Words.Length)]} {area.Place}";
                        query = query with { Text = text };
                        url["q"] = text;
                        break;
                    case Contracted:
                        query = query with { ContractedFor = area.MunicipalityCode, Sort = SearchSort.WaitingTime };
                        break;
                }
                mix[kind].Add(new BenchQuery(kind, query, "/zoeken" + Microsoft.AspNetCore.Http.QueryString.Create(url).ToUriComponent()));
            }
        }
        return mix;
    }
}
