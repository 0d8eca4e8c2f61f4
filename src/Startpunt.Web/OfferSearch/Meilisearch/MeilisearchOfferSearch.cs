using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;

namespace Startpunt.Web.OfferSearch.Meilisearch;

/// <summary>
/// The same search as <see cref="SqliteOfferSearch"/>, answered by Meilisearch. Confirmed and "onbekend" offers are
/// two filters of one multi-search (so "onbekend" comes after confirmed in every sort, with exact totals); distance
/// and the stoplight are computed here from the document's facts, exactly as the SQLite engine does.
/// </summary>
public sealed class MeilisearchOfferSearch(StartpuntDb db, MeilisearchClient client, IOptions<MeilisearchOptions> options, TimeProvider clock)
    : IOfferSearch
{
    public const string EngineName = "meilisearch";

    /// <summary>Meilisearch measures with an earth radius of 6371 km, <see cref="Distance"/> with 6371.0088 km.</summary>
    private const double RadiusScale = 6371.0 / Distance.EarthRadiusKm;

    public async Task<OfferSearchResult> SearchAsync(OfferSearchQuery query, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rules = await db.StoplightRulesAsync(query.RegionId, ct);
        var freshSince = OfferDocument.UnixMilliseconds(rules.FreshSince(now)).ToString(CultureInfo.InvariantCulture);
        var filter = Filter(query, freshSince);
        var known = $"{filter} AND confirmedAt >= {freshSince}";
        var unknown = $"{filter} AND confirmedAt < {freshSince}";
        var terms = SearchText.Terms(query.Text);
        var text = terms.Count == 0 ? null : string.Join(' ', terms);
        var sort = Sort(query);

        SearchRequest Request(string f) => new()
        {
            IndexUid = options.Value.Index, Q = text, Filter = f, Sort = sort, AttributesToRetrieve = OfferIndex.Retrieve,
            MatchingStrategy = "all",
        };

        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        // First round: the asked page of confirmed offers, the count of "onbekend" ones (and on page 1 their first
        // page too, as that is where they most often show up). Two requests side by side:
        // Meilisearch answers them on two threads, where one multi-search would run them one after the other.
        var firstKnown = client.MultiSearchAsync<OfferDocument>([Request(known) with { Page = page, HitsPerPage = pageSize }], ct);
        var firstUnknown = client.MultiSearchAsync<OfferDocument>([Request(unknown) with { Page = 1, HitsPerPage = page == 1 ? pageSize : 0 }], ct);
        await Task.WhenAll(firstKnown, firstUnknown);
        List<SearchResponse<OfferDocument>> first = [firstKnown.Result[0], firstUnknown.Result[0]];
        var knownTotal = first[0].TotalHits ?? 0;
        var unknownTotal = first[1].TotalHits ?? 0;
        var total = knownTotal + unknownTotal;

        var (shownPage, _) = OfferOrder.Page(page, pageSize, total);
        var offset = (shownPage - 1) * pageSize;
        List<OfferDocument> knownHits;
        if (shownPage == page) knownHits = first[0].Hits;
        else if (offset < knownTotal)
            knownHits = (await client.MultiSearchAsync<OfferDocument>([Request(known) with { Offset = offset, Limit = pageSize }], ct))[0].Hits;
        else knownHits = [];

        var documents = new List<OfferDocument>(pageSize);
        documents.AddRange(knownHits.Take(pageSize));
        var missing = pageSize - documents.Count;
        if (missing > 0 && unknownTotal > 0)
        {
            var unknownOffset = Math.Max(0, offset - knownTotal);
            documents.AddRange(unknownOffset == 0 && first[1].Hits.Count > 0
                ? first[1].Hits.Take(missing)
                : (await client.MultiSearchAsync<OfferDocument>([Request(unknown) with { Offset = unknownOffset, Limit = missing }], ct))[0].Hits);
        }

        var hits = documents.Select(d => new OfferHit(
            d.Id, d.ProviderId, d.ProviderName, d.ProductId, d.ProductName, d.LevelName, Enum.Parse<ProductKind>(d.Kind),
            d.Geo is { } g ? Distance.Km(query.Latitude, query.Longitude, g.Lat, g.Lng) : null,
            d.Town, d.FreePlaces, rules.Derive(d.IntakeOpen, d.WaitingWeeks, d.ConfirmedAtUtc, now),
            Enum.Parse<Transport>(d.Transport, ignoreCase: true), d.Languages, d.LocationId, d.LocationName,
            d.Geo is { } at ? new OfferPlace(at.Lat, at.Lng, d.Street ?? "", d.Postcode ?? "") : null)).ToList();
        return new OfferSearchResult(hits, total, shownPage, pageSize) { Engine = EngineName };
    }

    /// <summary>Everything but the confirmed / "onbekend" split, in Meilisearch's filter syntax.</summary>
    internal static string Filter(OfferSearchQuery query, string freshSince)
    {
        var parts = new List<string> { $"regionId = {Quote(query.RegionId)}" };
        if (query.ProductIds.Count > 0)
            parts.Add($"productId IN [{string.Join(", ", query.ProductIds.Select(Number))}]");

        var radiusMetres = query.RadiusKm * 1000 * RadiusScale;
        var atLocation = $"(atLocation = true AND _geoRadius({Number(query.Latitude)}, {Number(query.Longitude)}, {Number(radiusMetres)}))";
        parts.Add(query.MunicipalityCode is { } municipality
            ? $"({atLocation} OR (atLocation = false AND municipalities = {Quote(municipality)}))"
            : atLocation);

        if (query.TargetGroups.Count > 0)
            parts.Add($"targetGroups IN [{string.Join(", ", query.TargetGroups.Select(Quote))}]");
        if (!string.IsNullOrEmpty(query.Language))
            parts.Add($"languages = {Quote(query.Language)}");
        switch (query.Transport)
        {
            case TransportFilter.Offered: parts.Add($"transport != {Quote(nameof(Transport.None))}"); break;
            case TransportFilter.Wheelchair: parts.Add($"transport = {Quote(nameof(Transport.WithWheelchair))}"); break;
        }
        if (query.StartWithinWeeks is { } weeks)
            parts.Add($"intakeOpen = true AND waitingWeeks <= {Number(weeks)} AND confirmedAt >= {freshSince}");
        if (query.IntakeOpenOnly)
            parts.Add("intakeOpen = true");
        if (query.ContractedFor is { } contracted)
            parts.Add($"contractedMunicipalities = {Quote(contracted)}");
        return string.Join(" AND ", parts);
    }

    /// <summary>The order <see cref="OfferOrder"/> gives, as Meilisearch sort rules.</summary>
    internal static List<string> Sort(OfferSearchQuery query)
    {
        var geo = $"_geoPoint({Number(query.Latitude)}, {Number(query.Longitude)}):asc";
        List<string> rules = query.Sort switch
        {
            SearchSort.WaitingTime => ["intakeRank:asc", "waitingWeeks:asc", "locationRank:asc", geo],
            SearchSort.Name => ["nameKey:asc", "productKey:asc"],
            _ => ["locationRank:asc", geo],
        };
        rules.Add("providerOrder:asc");
        rules.Add("id:asc");
        return rules;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A string literal for a filter; codes come validated from the database, but quoting never trusts that.</summary>
    internal static string Quote(string value)
    {
        var s = new StringBuilder(value.Length + 2).Append('"');
        foreach (var ch in value)
        {
            if (ch is '"' or '\\') s.Append('\\');
            s.Append(ch);
        }
        return s.Append('"').ToString();
    }
}
