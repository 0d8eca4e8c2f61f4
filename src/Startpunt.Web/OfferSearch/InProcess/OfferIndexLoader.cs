using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.OfferSearch.InProcess;

/// <summary>
/// Reads what the in-process index holds from the database, with plain LINQ that every EF provider translates
/// (SQLite and PostgreSQL alike): visible offers (not paused, not removed), contracts, and the regions' stoplight rules.
/// </summary>
public static class OfferIndexLoader
{
    /// <summary>How many offers a full load reads at a time.</summary>
    private const int LoadBatch = 5_000;

    /// <summary>The visible offers among <paramref name="ids"/>, or all visible offers when it is null.</summary>
    public static async Task<List<IndexedOffer>> OffersAsync(
        StartpuntDb db, IReadOnlyCollection<int>? ids, StringPool pool, Vocabulary vocabulary, CancellationToken ct)
    {
        if (ids is not null) return ids.Count == 0 ? [] : await ReadAsync(db, ids.ToList(), ids.Min(), ids.Max(), pool, vocabulary, ct);
        // All of them in batches of ids that follow each other: a batch's rows (descriptions, target groups, service
        // areas) are garbage before the next is read, so a node loading 100,000 offers never holds all their rows beside
        // the index it builds. A batch is a range of ids, which every table reads from its key.
        var all = await db.Offers.AsNoTracking().Where(o => !o.Paused).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        var loaded = new List<IndexedOffer>(all.Count);
        foreach (var batch in all.Chunk(LoadBatch)) loaded.AddRange(await ReadAsync(db, null, batch[0], batch[^1], pool, vocabulary, ct));
        return loaded;
    }

    /// <summary>The visible offers with ids from <paramref name="from"/> to <paramref name="to"/>, and among <paramref name="ids"/> when given.</summary>
    private static async Task<List<IndexedOffer>> ReadAsync(
        StartpuntDb db, List<int>? ids, int from, int to, StringPool pool, Vocabulary vocabulary, CancellationToken ct)
    {
        var offers = db.Offers.AsNoTracking().Where(o => !o.Paused && o.Id >= from && o.Id <= to);
        var groupRows = db.Set<OfferTargetGroup>().AsNoTracking().Where(t => t.OfferId >= from && t.OfferId <= to);
        var languageRows = db.Set<OfferLanguage>().AsNoTracking().Where(l => l.OfferId >= from && l.OfferId <= to);
        var areaRows = db.Set<OfferMunicipality>().AsNoTracking().Where(m => m.OfferId >= from && m.OfferId <= to);
        if (ids is not null)
        {
            offers = offers.Where(o => ids.Contains(o.Id));
            groupRows = groupRows.Where(t => ids.Contains(t.OfferId));
            languageRows = languageRows.Where(l => ids.Contains(l.OfferId));
            areaRows = areaRows.Where(m => ids.Contains(m.OfferId));
        }
        var rows = await offers.Select(o => new
        {
            o.Id, o.RegionId, o.ProviderId, ProviderName = o.Provider!.Name, o.ProductId, ProductName = o.Product!.Name,
            LevelName = o.ProductLevel != null ? o.ProductLevel.Name : null, o.Product.Kind, o.LocationId,
            Latitude = o.Location != null ? o.Location.Latitude : 0, Longitude = o.Location != null ? o.Location.Longitude : 0,
            Town = o.Location != null ? o.Location.Town : null, o.Transport, o.Availability.IntakeOpen, o.Availability.WaitingWeeks,
            o.Availability.FreePlaces, o.Availability.ConfirmedAt, LocationName = o.Location != null ? o.Location.Name : null, o.Description,
            Street = o.Location != null ? o.Location.Street : null, HouseNumber = o.Location != null ? o.Location.HouseNumber : null,
            Postcode = o.Location != null ? o.Location.Postcode : null,
        }).ToListAsync(ct);
        if (rows.Count == 0) return [];

        var groups = (await groupRows.ToListAsync(ct)).ToLookup(t => t.OfferId, t => t.TargetGroupCode);
        var languages = (await languageRows.ToListAsync(ct)).ToLookup(l => l.OfferId, l => l.LanguageCode);
        var areas = (await areaRows.ToListAsync(ct)).ToLookup(m => m.OfferId, m => m.MunicipalityCode);

        return rows.Select(r => new IndexedOffer
        {
            Id = r.Id,
            RegionId = pool.Get(r.RegionId),
            ProviderId = r.ProviderId,
            ProviderName = pool.Get(r.ProviderName),
            ProductId = r.ProductId,
            ProductName = pool.Get(r.ProductName),
            LevelName = pool.GetOrNull(r.LevelName),
            Kind = r.Kind,
            AtLocation = r.LocationId is not null,
            LocationId = r.LocationId,
            LocationName = pool.GetOrNull(r.LocationName),
            Latitude = r.Latitude,
            Longitude = r.Longitude,
            Town = pool.GetOrNull(r.Town),
            Street = r.LocationId is null ? null : pool.Get(OfferPlace.StreetLine(r.Street!, r.HouseNumber!)),
            Postcode = pool.GetOrNull(r.Postcode),
            ServiceArea = r.LocationId is null ? pool.Array(areas[r.Id]) : [],
            TargetGroups = pool.Array(groups[r.Id]),
            Languages = pool.Array(languages[r.Id]),
            Transport = r.Transport,
            IntakeOpen = r.IntakeOpen,
            WaitingWeeks = r.WaitingWeeks,
            FreePlaces = r.FreePlaces,
            ConfirmedAt = r.ConfirmedAt,
            NameKey = pool.Get(SortKeys.Name(r.ProviderName)),
            ProductKey = pool.Get(SortKeys.Name(r.ProductName)),
            // The fields of Offer.SearchText, kept apart: provider names weigh less than what the offer is.
            Text = OfferText.From(r.ProviderName, [r.ProductName, r.LevelName, r.Town, r.LocationName, r.Description], vocabulary),
        }).ToList();
    }

    /// <summary>Contracts per provider and product, for <paramref name="providerIds"/> or for all providers when it is null.</summary>
    public static async Task<Dictionary<int, Dictionary<int, ContractTerm[]>>> ContractsAsync(
        StartpuntDb db, IReadOnlyCollection<int>? providerIds, StringPool pool, CancellationToken ct)
    {
        var idList = providerIds?.ToList();
        var contracts = db.Contracts.AsNoTracking();
        if (idList is not null) contracts = contracts.Where(c => idList.Contains(c.ProviderId));
        var rows = await contracts.Select(c => new { c.Id, c.ProviderId, c.ProductId, c.StartDate, c.EndDate }).ToListAsync(ct);
        var contractIds = rows.Select(r => r.Id).ToList();
        var municipalities = db.Set<ContractMunicipality>().AsNoTracking();
        if (idList is not null) municipalities = municipalities.Where(m => contractIds.Contains(m.ContractId));
        var byContract = (await municipalities.Select(m => new { m.ContractId, m.MunicipalityCode }).ToListAsync(ct))
            .ToLookup(m => m.ContractId, m => m.MunicipalityCode);

        var result = (idList ?? []).ToDictionary(id => id, _ => new Dictionary<int, ContractTerm[]>());
        foreach (var byProvider in rows.GroupBy(r => r.ProviderId))
            result[byProvider.Key] = byProvider.GroupBy(r => r.ProductId).ToDictionary(
                g => g.Key, g => g.Select(c => new ContractTerm(new Contract { StartDate = c.StartDate, EndDate = c.EndDate }, pool.Array(byContract[c.Id]))).ToArray());
        return result;
    }

    public static async Task<Dictionary<string, StoplightRules>> RegionRulesAsync(StartpuntDb db, CancellationToken ct) =>
        await db.Regions.AsNoTracking()
            .Select(r => new { r.Id, Rules = new StoplightRules(r.GreenMaxWeeks, r.OrangeMaxWeeks, r.FreshnessDays) })
            .ToDictionaryAsync(r => r.Id, r => r.Rules, StringComparer.Ordinal, ct);
}
