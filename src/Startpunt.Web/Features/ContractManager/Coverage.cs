using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Startpunt.Web.Data;
using Startpunt.Web.Data.PostgreSql;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;

namespace Startpunt.Web.Features.ContractManager;

public sealed record AreaCoverage(int Pc4, string Place, string Municipality, double Latitude, double Longitude, bool Covered, double? NearestKm);

/// <summary>
/// Gaps in the landscape: postcode areas of the region with no offer of a product that can take new clients (intake open
/// and confirmed within the freshness limit) within N km, or, for help at home, whose municipality no such offer covers.
/// </summary>
public sealed class Coverage(StartpuntDb db)
{
    public async Task<List<AreaCoverage>> ComputeAsync(Domain.Region region, Product product, double radiusKm, DateTime now, CancellationToken ct)
    {
        var freshSince = region.Rules.FreshSince(now);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.RegionId == region.Id).ToDictionaryAsync(m => m.Code, m => m.Name, ct);
        var codes = municipalities.Keys.ToList();
        var areas = await db.PostcodeAreas.AsNoTracking().Where(p => codes.Contains(p.MunicipalityCode!)).OrderBy(p => p.Pc4).ToListAsync(ct);
        var open = db.Offers.AsNoTracking().Where(o => o.RegionId == region.Id && o.ProductId == product.Id && !o.Paused
                                                       && o.Availability.IntakeOpen && o.Availability.ConfirmedAt >= freshSince);
        if (product.Delivery == Delivery.Home)
        {
            var covered = (await open.SelectMany(o => o.ServiceArea.Select(a => a.MunicipalityCode)).Distinct().ToListAsync(ct)).ToHashSet();
            return areas.Select(a => new AreaCoverage(a.Pc4, a.Place, municipalities[a.MunicipalityCode!], a.Latitude, a.Longitude,
                covered.Contains(a.MunicipalityCode!), null)).ToList();
        }
        if (db is PostgreSqlStartpuntDb) return await OnPostGisAsync(areas, open, municipalities, radiusKm, ct);
        var points = await open.Where(o => o.Location != null).Select(o => new { o.Location!.Latitude, o.Location.Longitude }).ToListAsync(ct);
        return areas.Select(a =>
        {
            double? nearest = points.Count == 0 ? null : points.Min(p => Distance.Km(a.Latitude, a.Longitude, p.Latitude, p.Longitude));
            return new AreaCoverage(a.Pc4, a.Place, municipalities[a.MunicipalityCode!], a.Latitude, a.Longitude, nearest <= radiusKm, nearest);
        }).ToList();
    }

    /// <summary>
    /// PostgreSQL: per postcode area, ST_DWithin on the GiST-indexed geography of the open offers' locations decides
    /// "covered", and ST_DWithin's sphere (the mean Earth radius, as on SQLite) gives the nearest distance.
    /// </summary>
    private async Task<List<AreaCoverage>> OnPostGisAsync(List<PostcodeArea> areas, IQueryable<Offer> open,
        Dictionary<string, string> municipalities, double radiusKm, CancellationToken ct)
    {
        const string position = PostgreSqlStartpuntDb.Position;
        var located = open.Where(o => o.Location != null).Select(o => o.Location!);
        var codes = municipalities.Keys.ToList();
        var found = await db.PostcodeAreas.AsNoTracking().Where(p => codes.Contains(p.MunicipalityCode!))
            .Select(a => new
            {
                a.Pc4,
                Covered = located.Any(l => EF.Functions.IsWithinDistance(EF.Property<Point>(l, position), EF.Property<Point>(a, position), radiusKm * 1000, false)),
                Metres = located.Min(l => (double?)EF.Functions.Distance(EF.Property<Point>(l, position), EF.Property<Point>(a, position), false)),
            })
            .ToDictionaryAsync(x => x.Pc4, ct);
        return areas.Select(a => new AreaCoverage(a.Pc4, a.Place, municipalities[a.MunicipalityCode!], a.Latitude, a.Longitude,
            found[a.Pc4].Covered, found[a.Pc4].Metres / 1000)).ToList();
    }
}
