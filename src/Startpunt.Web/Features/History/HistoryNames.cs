using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;


namespace Startpunt.Web.Features.History;

/// <summary>
/// Names for what history entries hold as ids and codes (the offer, the product, the municipalities), looked up once
/// for the entries shown. Records that no longer exist keep their id, or the name their last entry gave them.
/// </summary>
public sealed class HistoryNames
{
    private Dictionary<int, string> _offers = [], _providers = [], _locations = [], _contracts = [], _products = [], _levels = [], _lots = [];
    private Dictionary<string, string> _municipalities = [], _targetGroups = [], _languages = [];

    public static async Task<HistoryNames> LoadAsync(StartpuntDb db, IReadOnlyCollection<AuditEntry> entries, CancellationToken ct)
    {
        List<int> Ids(string type) => entries.Where(e => e.EntityType == type).Select(e => e.EntityId).Distinct().ToList();
        List<int> Referenced(string field) => entries.SelectMany(HistoryWords.Changes).Where(c => c.Field == field)
            .SelectMany(c => new[] { c.Old, c.New }).Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var i) ? i : 0).Where(i => i > 0).Distinct().ToList();

        var offerIds = Ids("Offer");
        var offers = await db.Offers.IgnoreQueryFilters().AsNoTracking().Where(o => offerIds.Contains(o.Id))
            .Select(o => new { o.Id, Product = o.Product!.Name, Level = o.ProductLevel!.Name, Town = o.Location!.Town }).ToListAsync(ct);
        var providerIds = Ids("Provider");
        var locationIds = Ids("Location").Concat(Referenced("LocationId")).Distinct().ToList();
        var contractIds = Ids("Contract");
        var productIds = Ids("Product").Concat(Referenced("ProductId")).Distinct().ToList();
        var levelIds = Ids("ProductLevel").Concat(Referenced("ProductLevelId")).Distinct().ToList();
        var lotIds = Ids("Lot");
        return new HistoryNames
        {
            _offers = offers.ToDictionary(o => o.Id, o => string.Join(", ", new[] { o.Level is null ? o.Product : $"{o.Product} - {o.Level}", o.Town }.Where(x => x is not null))),
            _providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct),
            _locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct),
            _contracts = await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Product!.Name, ct),
            _products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct),
            _levels = await db.ProductLevels.AsNoTracking().Where(l => levelIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct),
            _lots = await db.Lots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct),
            _municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, ct),
            _targetGroups = await db.TargetGroups.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct),
            _languages = await db.Languages.AsNoTracking().ToDictionaryAsync(l => l.Code, l => l.Name, ct),
        };
    }

    /// <summary>The record an entry is about: "Dagbesteding B, Hoorn", "Locatie De Tuin".</summary>
    public string Record(AuditEntry e, IStringLocalizer L)
    {
        var map = e.EntityType switch
        {
            "Offer" => _offers, "Provider" => _providers, "Location" => _locations, "Contract" => _contracts,
            "Product" => _products, "ProductLevel" => _levels, _ => _lots,
        };
        var named = HistoryWords.Changes(e).FirstOrDefault(c => c.Field == "Name");
        var name = map.GetValueOrDefault(e.EntityId) ?? named?.Old ?? named?.New;
        return $"{L[HistoryLog.KindLabel(e.EntityType)]}: {name ?? "#" + e.EntityId.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>A field's value in words: names for ids and codes, dates and yes/no as people read them.</summary>
    public string Value(string field, string? value, IStringLocalizer L)
    {
        if (string.IsNullOrEmpty(value)) return "-";
        string Id(Dictionary<int, string> map) => int.TryParse(value, CultureInfo.InvariantCulture, out var id) ? map.GetValueOrDefault(id, value) : value;
        string Codes(Dictionary<string, string> map) => string.Join(", ", value.Split(',').Select(c => map.GetValueOrDefault(c, c)));
        return field switch
        {
            "ProductId" => Id(_products),
            "ProductLevelId" => Id(_levels),
            "LocationId" => Id(_locations),
            "TargetGroups" => Codes(_targetGroups),
            "Languages" => Codes(_languages),
            "ServiceArea" or "Municipalities" or "MunicipalityCode" => Codes(_municipalities),
            _ => HistoryWords.Value(field, value, L),
        };
    }
}
