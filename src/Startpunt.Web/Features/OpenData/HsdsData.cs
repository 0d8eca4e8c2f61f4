using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.OpenData;

/// <summary>
/// The open data's reads: which offers, providers and locations a request selects, and everything the mapper needs.
/// Provider-neutral LINQ only (no SQLite specifics), so it runs unchanged on another database.
/// </summary>
public sealed class HsdsData(StartpuntDb db, IwmoCodes iwmo, TimeProvider clock)
{
    public StartpuntDb Db => db;

    public async Task<HsdsMapper> MapperAsync(string baseUrl, CancellationToken ct) => new(
        await HsdsCatalogue.LoadAsync(db, iwmo, baseUrl, ct),
        await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, ct),
        await db.Languages.AsNoTracking().ToDictionaryAsync(l => l.Code, ct),
        await db.TargetGroups.AsNoTracking().ToDictionaryAsync(t => t.Code, ct),
        await db.StoplightRulesAsync(ct),
        clock.GetUtcNow().UtcDateTime,
        baseUrl);

    /// <summary>
    /// Offers as services. Without a modified_after only active ones; with it also paused and removed ones, so that a
    /// consumer keeping a copy in sync learns that they stopped ("temporarily closed", "defunct").
    /// </summary>
    public IQueryable<Offer> Offers(bool withInactive) =>
        withInactive ? db.Offers.IgnoreQueryFilters() : db.Offers.Where(o => !o.Paused);

    public static IQueryable<Offer> WithDetails(IQueryable<Offer> offers) => offers
        .Include(o => o.Provider).Include(o => o.Product).Include(o => o.ProductLevel).Include(o => o.Location)
        .Include(o => o.TargetGroups).Include(o => o.Languages).Include(o => o.ServiceArea)
        .AsSplitQuery().AsNoTracking();

    /// <summary>Offers whose service changed at or after <paramref name="since"/>: see <see cref="HsdsMapper.LastModified"/>.</summary>
    public IQueryable<Offer> ModifiedSince(IQueryable<Offer> offers, DateTime since) => offers.Where(o =>
        o.UpdatedAt >= since || o.Provider!.UpdatedAt >= since || o.Product!.UpdatedAt >= since
        || (o.Location != null && o.Location.UpdatedAt >= since)
        || (o.ProductLevel != null && o.ProductLevel.UpdatedAt >= since)
        || o.TargetGroups.Any(t => db.TargetGroups.Any(g => g.Code == t.TargetGroupCode && g.UpdatedAt >= since)));

    /// <summary>Offers that carry a taxonomy term or any term below it (a region's term selects the whole region).</summary>
    public static IQueryable<Offer> WithTerm(IQueryable<Offer> offers, TermEntry term) => term.Kind switch
    {
        TermKind.Region => offers.Where(o => o.RegionId == term.Key),
        TermKind.Lot => offers.Where(o => o.Product!.LotId == term.Number),
        TermKind.Product => offers.Where(o => o.ProductId == term.Number),
        TermKind.Level => offers.Where(o => o.ProductLevelId == term.Number),
        TermKind.IwmoCategory => offers.Where(o => o.Product!.CategoryCode == term.Key),
        TermKind.IwmoUnit => offers.Where(o => o.Product!.UnitCode == term.Key),
        TermKind.TargetGroup => offers.Where(o => o.TargetGroups.Any(t => term.Codes!.Contains(t.TargetGroupCode))),
        TermKind.Feature when term.Key == "vervoer" => offers.Where(o => o.Product!.Kind == ProductKind.Dagbesteding),
        _ => offers,
    };

    public static IQueryable<Offer> WithTaxonomy(IQueryable<Offer> offers, string taxonomy) =>
        taxonomy == HsdsCatalogue.TargetGroups ? offers.Where(o => o.TargetGroups.Any()) : offers;

    /// <summary>Every word must occur in the offer's search text (provider, product, level, town, description).</summary>
    public static IQueryable<Offer> WithText(IQueryable<Offer> offers, string text)
    {
        foreach (var word in Words(text)) offers = offers.Where(o => EF.Functions.Like(o.SearchText.ToLower(), $"%{word}%", "\\"));
        return offers;
    }

    /// <summary>
    /// The search words, lower case and escaped for LIKE. Callers compare with the column's lower case: SQLite's LIKE
    /// ignores case (ASCII), PostgreSQL's does not; lower() on both sides gives the same answer on both.
    /// </summary>
    public static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(8)
            .Select(w => w.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal));

    public async Task<ILookup<(string Type, int Id), AuditEntry>> HistoryAsync(string entityType, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return Array.Empty<AuditEntry>().ToLookup(a => (a.EntityType, a.EntityId));
        var list = ids.ToList();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && list.Contains(a.EntityId)).ToListAsync(ct);
        return entries.ToLookup(a => (a.EntityType, a.EntityId));
    }

    /// <summary>Several kinds of history at once (an organization with its locations).</summary>
    public async Task<ILookup<(string Type, int Id), AuditEntry>> HistoryAsync(IEnumerable<(string Type, IReadOnlyCollection<int> Ids)> wanted, CancellationToken ct)
    {
        var all = new List<AuditEntry>();
        foreach (var (type, ids) in wanted)
        {
            if (ids.Count == 0) continue;
            var list = ids.ToList();
            all.AddRange(await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && list.Contains(a.EntityId)).ToListAsync(ct));
        }
        return all.ToLookup(a => (a.EntityType, a.EntityId));
    }
}
