using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;
using Startpunt.Web.OfferSearch;

namespace Startpunt.TestSupport;

/// <summary>
/// The obvious way, kept as a yardstick: load every offer of the region with EF and do everything else in C#.
/// Not part of the portal (it lives with the tests). The benchmark measures the real engines against it, and the contract tests use it as
/// the oracle that both engines must agree with, because its rules read like the specification.
/// </summary>
public sealed class NaiveOfferSearch(StartpuntDb db, TimeProvider clock) : IOfferSearch
{
    public const string EngineName = "naive";

    public async Task<OfferSearchResult> SearchAsync(OfferSearchQuery query, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var rules = (await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.RegionId, ct))?.Rules ?? StoplightRules.Default;
        var offers = await db.Offers.AsNoTracking()
            .Include(o => o.Provider).Include(o => o.Product).Include(o => o.ProductLevel).Include(o => o.Location)
            .Include(o => o.TargetGroups).Include(o => o.Languages).Include(o => o.ServiceArea)
            .Where(o => o.RegionId == query.RegionId)
            .AsSplitQuery()
            .ToListAsync(ct);
        var contracts = query.ContractedFor is null
            ? []
            : await db.Contracts.AsNoTracking().Include(c => c.Municipalities).Where(c => c.Product!.RegionId == query.RegionId).ToListAsync(ct);
        var terms = SearchText.Terms(query.Text).Select(SearchText.Fold).ToList();

        var hits = new List<(Offer O, double? Km, Stoplight Light)>();
        foreach (var o in offers)
        {
            if (o.Paused) continue;
            if (query.ProductIds.Count > 0 && !query.ProductIds.Contains(o.ProductId)) continue;
            double? km = o.Location is { } l ? Distance.Km(query.Latitude, query.Longitude, l.Latitude, l.Longitude) : null;
            if (km is { } d ? d > query.RadiusKm : o.ServiceArea.All(m => m.MunicipalityCode != query.MunicipalityCode)) continue;
            if (query.TargetGroups.Count > 0 && !o.TargetGroups.Any(t => query.TargetGroups.Contains(t.TargetGroupCode))) continue;
            if (query.Language is { } language && o.Languages.All(x => x.LanguageCode != language)) continue;
            if (query.Transport == TransportFilter.Offered && o.Transport == Transport.None) continue;
            if (query.Transport == TransportFilter.Wheelchair && o.Transport != Transport.WithWheelchair) continue;
            if (query.IntakeOpenOnly && !o.Availability.IntakeOpen) continue;
            var light = rules.Derive(o.Availability, now);
            if (query.StartWithinWeeks is { } weeks && !(light.IsKnown && o.Availability.IntakeOpen && o.Availability.WaitingWeeks <= weeks)) continue;
            if (query.ContractedFor is { } code && !contracts.Any(c => c.ProviderId == o.ProviderId && c.ProductId == o.ProductId
                    && c.IsActiveOn(today) && c.Municipalities.Any(m => m.MunicipalityCode == code))) continue;
            if (terms.Count > 0)
            {
                var words = Words(o.SearchText);
                if (!terms.All(t => words.Any(w => w.StartsWith(t, StringComparison.Ordinal)))) continue;
            }
            hits.Add((o, km, light));
        }

        var ordered = OfferOrder.Apply(hits, query.Sort, h => new OrderKey(h.O.Id, h.O.Provider!.Name, h.O.Product!.Name, h.Km, h.Light));
        var (page, pageSize) = OfferOrder.Page(query.Page, query.PageSize, hits.Count);
        var result = ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(h => new OfferHit(
            h.O.Id, h.O.ProviderId, h.O.Provider!.Name, h.O.ProductId, h.O.Product!.Name, h.O.ProductLevel?.Name, h.O.Product.Kind,
            h.Km, h.O.Location?.Town, h.O.Availability.FreePlaces, h.Light, h.O.Transport,
            h.O.Languages.Select(l => l.LanguageCode).Order(StringComparer.Ordinal).ToList(), h.O.LocationId, h.O.Location?.Name,
            h.O.Location is { } l ? new OfferPlace(l.Latitude, l.Longitude, OfferPlace.StreetLine(l.Street, l.HouseNumber), l.Postcode) : null)).ToList();
        return new OfferSearchResult(result, hits.Count, page, pageSize) { Engine = EngineName };
    }

    /// <summary>The words of a text as FTS5's unicode61 tokenizer (remove_diacritics 2) sees them.</summary>
    private static List<string> Words(string text) =>
        SearchText.Fold(text).Split(c => !char.IsLetterOrDigit(c)).Where(w => w.Length > 0).ToList();
}

file static class SplitExtensions
{
    public static IEnumerable<string> Split(this string s, Func<char, bool> separator)
    {
        var start = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && !separator(s[i])) continue;
            yield return s[start..i];
            start = i + 1;
        }
    }
}
