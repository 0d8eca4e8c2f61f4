using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.OpenData;

/// <summary>What a taxonomy term selects when a consumer filters on it (the term and everything below it).</summary>
public enum TermKind { Region, Lot, Product, Level, IwmoCategory, IwmoUnit, TargetGroup, Feature }

public sealed record TermEntry(HsdsTaxonomyTerm Term, TermKind Kind, string Key, int? Number = null, IReadOnlyList<string>? Codes = null);

/// <summary>
/// The taxonomies of the open data, all derived from codes, so their ids never change: the regions' product
/// catalogues (region, lot, product, level), the national iWmo product categories and units, the target groups,
/// and Startpunt's own features for what HSDS lacks (waiting weeks, stoplight, intake, confirmation date, transport).
/// </summary>
public sealed class HsdsCatalogue
{
    public const string Catalogue = "startpunt-productcatalogus";
    public const string IwmoCategory = "iwmo-productcategorie";
    public const string IwmoUnit = "iwmo-eenheid";
    public const string TargetGroups = "startpunt-doelgroepen";
    public const string Features = "startpunt-kenmerken";

    /// <summary>Startpunt's features (kenmerken): code, name, description. Documented on /open-data#kenmerken.</summary>
    public static readonly (string Code, string Name, string Description)[] FeatureTerms =
    [
        ("wachttijd-weken", "Wachttijd in weken", "Het aantal weken van aanmelding tot start, zoals de aanbieder het opgeeft. Waarde: een heel getal (0 = direct)."),
        ("stoplicht", "Stoplicht", "Het stoplicht van Startpunt, afgeleid op het moment van opvragen: groen, oranje, rood (lang wachten of geen aanmelding), of onbekend (niet op tijd bevestigd)."),
        ("aanmelden-mogelijk", "Aanmelden mogelijk", "Of de aanbieder nieuwe cliënten aanneemt. Waarde: true of false."),
        ("wachttijd-bevestigd-op", "Wachttijd bevestigd op", "Wanneer de aanbieder de wachttijd en vrije plaatsen voor het laatst bevestigde. Waarde: datum en tijd (ISO 8601, UTC)."),
        ("vervoer", "Vervoer", "Vervoer van en naar de dagbesteding. Waarde: geen, ja of rolstoel (ook met rolstoel)."),
    ];

    private static readonly Dictionary<string, (string Name, string Description, string? Uri, string? Version)> TaxonomyInfo = new()
    {
        [Catalogue] = ("Startpunt productcatalogus", "De producten die een regio inkoopt, per regio, perceel, product en niveau (content/regions in Startpunt).", null, null),
        [IwmoCategory] = ("iWmo productcategorie (WMO020)", "De landelijke productcategorieën van de iWmo-berichten (codelijst WMO020, Zorginstituut Nederland).", "https://www.istandaarden.nl/", "iWmo 3.2"),
        [IwmoUnit] = ("iWmo eenheid (WJ756)", "De eenheden waarin een Wmo-product wordt geleverd (codelijst WJ756, Zorginstituut Nederland).", "https://www.istandaarden.nl/", "iWmo 3.2"),
        [TargetGroups] = ("Startpunt doelgroepen", "Voor wie het aanbod is: sectoren (VVT, GGZ, GZ) met hun groepen, en groepen die daar dwars doorheen gaan.", null, null),
        [Features] = ("Startpunt kenmerken", "Wat HSDS niet kent en Startpunt wel: wachttijd in weken, stoplicht, aanmelden mogelijk, bevestigd op en vervoer. Zie de uitleg op de pagina Open data van Startpunt.", null, null),
    };

    private readonly Dictionary<Guid, TermEntry> _terms = [];
    private readonly Dictionary<string, HsdsTaxonomy> _taxonomies = [];

    public IReadOnlyCollection<HsdsTaxonomy> Taxonomies => _taxonomies.Values;
    public IEnumerable<TermEntry> Terms => _terms.Values;

    public HsdsTaxonomy Taxonomy(string key) => _taxonomies[key];
    public TermEntry? Term(Guid id) => _terms.GetValueOrDefault(id);
    public HsdsTaxonomyTerm TermFor(string taxonomy, string code) => _terms[TermId(taxonomy, code)].Term;

    public static Guid TaxonomyId(string key) => HsdsIds.Of($"taxonomy/{key}");
    public static Guid TermId(string taxonomy, string code) => HsdsIds.Of($"taxonomy-term/{taxonomy}/{code}");
    public static Guid RegionTermId(string regionId) => TermId(Catalogue, regionId);

    public static async Task<HsdsCatalogue> LoadAsync(StartpuntDb db, IwmoCodes iwmo, string baseUrl, CancellationToken ct)
    {
        var c = new HsdsCatalogue();
        foreach (var (key, info) in TaxonomyInfo)
            c._taxonomies[key] = new HsdsTaxonomy(TaxonomyId(key), info.Name, info.Description, info.Uri ?? (key is Features ? $"{baseUrl}/open-data#kenmerken" : null), info.Version);

        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        var lots = await db.Lots.AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync(ct);
        var products = await db.Products.AsNoTracking().Include(p => p.Levels).OrderBy(p => p.SortOrder).ToListAsync(ct);
        foreach (var r in regions)
        {
            var regionTerm = c.Add(Catalogue, r.Id, $"Regio {r.Name}", r.Intro, null, TermKind.Region, r.Id);
            foreach (var lot in lots.Where(l => l.RegionId == r.Id))
            {
                var lotTerm = c.Add(Catalogue, $"{r.Id}/perceel/{lot.Code}", lot.Name, $"Perceel {lot.Name} van regio {r.Name}.", regionTerm, TermKind.Lot, r.Id, lot.Id);
                foreach (var p in products.Where(p => p.LotId == lot.Id))
                {
                    var productTerm = c.Add(Catalogue, $"{r.Id}/product/{p.Code}", p.Name, p.Description, lotTerm, TermKind.Product, r.Id, p.Id);
                    foreach (var level in p.Levels.OrderBy(l => l.SortOrder))
                        c.Add(Catalogue, $"{r.Id}/product/{p.Code}/niveau/{level.Code}", level.Name, level.Description, productTerm, TermKind.Level, r.Id, level.Id);
                }
            }
        }
        foreach (var (code, name) in iwmo.Categories) c.Add(IwmoCategory, code, name, $"iWmo productcategorie {code}: {name}.", null, TermKind.IwmoCategory, code);
        foreach (var (code, name) in iwmo.Units) c.Add(IwmoUnit, code, name, $"iWmo eenheid {code}: {name}.", null, TermKind.IwmoUnit, code);

        var groups = await db.TargetGroups.AsNoTracking().OrderBy(g => g.SortOrder).ToListAsync(ct);
        foreach (var g in groups.Where(g => g.SectorCode is null))
        {
            var codes = g.IsSector ? groups.Where(s => s.SectorCode == g.Code).Select(s => s.Code).Append(g.Code).ToList() : [g.Code];
            var sector = c.Add(TargetGroups, g.Code, g.Name, g.NameEn, null, TermKind.TargetGroup, g.Code, codes: codes);
            foreach (var sub in groups.Where(s => s.SectorCode == g.Code))
                c.Add(TargetGroups, sub.Code, sub.Name, sub.NameEn, sector, TermKind.TargetGroup, sub.Code, codes: [sub.Code]);
        }
        foreach (var (code, name, description) in FeatureTerms)
            c.Add(Features, code, name, description, null, TermKind.Feature, code, termUri: $"{baseUrl}/open-data#kenmerk-{code}");
        return c;
    }

    private Guid Add(string taxonomy, string code, string name, string description, Guid? parent, TermKind kind, string key,
        int? number = null, IReadOnlyList<string>? codes = null, string? termUri = null)
    {
        var id = TermId(taxonomy, code);
        var info = _taxonomies[taxonomy];
        _terms[id] = new TermEntry(new HsdsTaxonomyTerm
        {
            Id = id, Code = code, Name = name, Description = description.Length > 0 ? description : name, ParentId = parent,
            Taxonomy = info.Name, TaxonomyDetail = info, TaxonomyId = info.Id, TermUri = termUri,
        }, kind, key, number, codes);
        return id;
    }
}

/// <summary>The iWmo code lists in shared/data (productcategorie WMO020, eenheid WJ756), read once.</summary>
public sealed class IwmoCodes(ContentStore content)
{
    private readonly Lazy<IReadOnlyList<(string Code, string Name)>> _categories = new(() => Read(content, "iwmo-productcategorie.csv"));
    private readonly Lazy<IReadOnlyList<(string Code, string Name)>> _units = new(() => Read(content, "iwmo-eenheid.csv"));

    public IReadOnlyList<(string Code, string Name)> Categories => _categories.Value;
    public IReadOnlyList<(string Code, string Name)> Units => _units.Value;

    private static List<(string, string)> Read(ContentStore content, string file)
    {
        using var reader = new StreamReader(Path.Combine(content.OpenData, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<CodeRow>().Select(r => (r.code, r.name)).ToList();
    }

    private sealed record CodeRow(string code, string name);
}
