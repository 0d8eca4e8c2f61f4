using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data.Content;

/// <summary>
/// Brings the database in line with content/: regions with their thresholds and catalogues, target groups and
/// languages. Runs at every start, so a changed threshold or product name in content/ takes effect without code.
/// Items removed from content/ are kept, since offers may still refer to them.
/// </summary>
public sealed class ContentImport(StartpuntDb db, ContentStore content, OpenDataImport openData)
{
    public async Task ImportAsync(CancellationToken ct)
    {
        await ImportTargetGroupsAsync(ct);
        await ImportLanguagesAsync(ct);
        var memberships = openData.RegionMemberships();
        foreach (var file in content.Regions())
        {
            Validate(file);
            await ImportRegionAsync(file, memberships[file.Name].ToList(), ct);
        }
    }

    private async Task ImportRegionAsync(RegionFile file, List<string> municipalityCodes, CancellationToken ct)
    {
        if (municipalityCodes.Count == 0)
            throw new InvalidDataException($"Region '{file.Name}' ({file.Slug}) has no municipalities in regions.csv");
        var region = await db.Regions.FindAsync([file.Slug], ct);
        if (region is null) db.Regions.Add(region = new Region { Id = file.Slug, Name = file.Name });
        region.Name = file.Name;
        region.Intro = file.Intro;
        region.Source = file.Source;
        region.GreenMaxWeeks = file.Stoplight.GreenMaxWeeks;
        region.OrangeMaxWeeks = file.Stoplight.OrangeMaxWeeks;
        region.FreshnessDays = file.Stoplight.FreshnessDays;

        foreach (var m in await db.Municipalities.Where(m => municipalityCodes.Contains(m.Code)).ToListAsync(ct))
            m.RegionId = region.Id;
        await db.SaveChangesAsync(ct);

        var lots = await db.Lots.Where(l => l.RegionId == region.Id).ToDictionaryAsync(l => l.Code, ct);
        var products = await db.Products.Include(p => p.Levels).Where(p => p.RegionId == region.Id).ToDictionaryAsync(p => p.Code, ct);
        var productOrder = 0;
        foreach (var (lotFile, lotIndex) in file.Lots.Select((l, i) => (l, i)))
        {
            if (!lots.TryGetValue(lotFile.Code, out var lot))
                db.Lots.Add(lots[lotFile.Code] = lot = new Lot { RegionId = region.Id, Code = lotFile.Code, Name = lotFile.Name });
            lot.Name = lotFile.Name;
            lot.SortOrder = lotIndex;
            await db.SaveChangesAsync(ct);

            foreach (var pf in lotFile.Products)
            {
                if (!products.TryGetValue(pf.Code, out var product))
                {
                    product = new Product { RegionId = region.Id, Code = pf.Code, Name = pf.Name, UnitCode = pf.Unit, CategoryCode = pf.Category };
                    db.Products.Add(products[pf.Code] = product);
                }
                product.LotId = lot.Id;
                product.Name = pf.Name;
                product.UnitCode = pf.Unit;
                product.CategoryCode = pf.Category;
                product.ProductCode = string.IsNullOrWhiteSpace(pf.ProductCode) ? null : pf.ProductCode;
                product.Kind = Enum.Parse<ProductKind>(pf.Kind, ignoreCase: true);
                product.Delivery = Enum.Parse<Delivery>(pf.Delivery, ignoreCase: true);
                product.Description = pf.Description.Trim();
                product.SortOrder = productOrder++;
                foreach (var (lf, levelIndex) in pf.Levels.Select((l, i) => (l, i)))
                {
                    var level = product.Levels.FirstOrDefault(l => l.Code == lf.Code);
                    if (level is null) product.Levels.Add(level = new ProductLevel { Code = lf.Code, Name = lf.Name });
                    level.Name = lf.Name;
                    level.Description = lf.Description.Trim();
                    level.SortOrder = levelIndex;
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task ImportTargetGroupsAsync(CancellationToken ct)
    {
        var file = content.TargetGroups();
        var existing = await db.TargetGroups.ToDictionaryAsync(t => t.Code, ct);
        var order = 0;
        void Upsert(NamedFile n, string? sector, bool isSector)
        {
            if (!existing.TryGetValue(n.Code, out var group))
                db.TargetGroups.Add(existing[n.Code] = group = new TargetGroup { Code = n.Code, Name = n.Name });
            group.Name = n.Name;
            group.NameEn = n.NameEn;
            group.SectorCode = sector;
            group.IsSector = isSector;
            group.SortOrder = order++;
        }
        foreach (var sector in file.Sectors)
        {
            Upsert(new NamedFile { Code = sector.Code, Name = sector.Name, NameEn = sector.NameEn }, null, true);
            foreach (var g in sector.Groups) Upsert(g, sector.Code, false);
        }
        foreach (var g in file.CrossCutting) Upsert(g, null, false);
        await db.SaveChangesAsync(ct);
    }

    private async Task ImportLanguagesAsync(CancellationToken ct)
    {
        var existing = await db.Languages.ToDictionaryAsync(l => l.Code, ct);
        foreach (var (l, i) in content.Languages().Select((l, i) => (l, i)))
        {
            if (!existing.TryGetValue(l.Code, out var language))
                db.Languages.Add(existing[l.Code] = language = new Language { Code = l.Code, Name = l.Name });
            language.Name = l.Name;
            language.NameEn = l.NameEn;
            language.SortOrder = i;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Content is edited by people; a mistake must stop the import with a message that names the file's problem.</summary>
    internal static void Validate(RegionFile file)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(file.Slug)) problems.Add("slug is missing");
        var s = file.Stoplight;
        if (s.GreenMaxWeeks < 0 || s.OrangeMaxWeeks < s.GreenMaxWeeks || s.FreshnessDays < 1)
            problems.Add("stoplight needs 0 <= greenMaxWeeks <= orangeMaxWeeks and freshnessDays >= 1");
        foreach (var origin in file.EmbedAllowedOrigins.Where(o => !EmbedOrigins.IsValid(o)))
            problems.Add($"embedAllowedOrigins: '{origin}' is not an origin like https://www.gemeente.nl (scheme and host, no path)");
        var codes = new HashSet<string>();
        foreach (var p in file.Lots.SelectMany(l => l.Products))
        {
            if (!codes.Add(p.Code)) problems.Add($"product code '{p.Code}' is used twice");
            if (!Enum.TryParse<ProductKind>(p.Kind, true, out _)) problems.Add($"product '{p.Code}': unknown kind '{p.Kind}'");
            if (!Enum.TryParse<Delivery>(p.Delivery, true, out _)) problems.Add($"product '{p.Code}': unknown delivery '{p.Delivery}'");
            if (p.Unit.Length != 2 || p.Category.Length != 2) problems.Add($"product '{p.Code}': unit and category are two-digit iWmo codes");
        }
        if (problems.Count > 0)
            throw new InvalidDataException($"content/regions/{file.Slug}/region.yml: {string.Join("; ", problems)}");
    }
}
