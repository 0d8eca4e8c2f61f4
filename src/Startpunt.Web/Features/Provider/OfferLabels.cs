using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Provider;

/// <summary>
/// Labels that tell a provider's offers apart in lists, tables and headings: product and level, the location by name
/// and street (two locations in one town differ), and where that is still the same, the target groups; as a last
/// resort the offer's number.
/// </summary>
public static class OfferLabels
{
    public static string Name(Offer o) => o.ProductLevel is null ? o.Product!.Name : $"{o.Product!.Name} - {o.ProductLevel.Name}";

    /// <summary>The location as people recognise it ("Werkplaats De Goudvink Hoorn, Dorpsstraat 12"); null for help at home.</summary>
    public static string? Place(Offer o) => o.Location is { } l ? $"{l.Name}, {l.Street} {l.HouseNumber}" : null;

    /// <summary>For offers whose name and place are the same as another's: what tells them apart, by offer id.</summary>
    public static async Task<Dictionary<int, string>> DistinctionsAsync(StartpuntDb db, IReadOnlyCollection<Offer> offers, CancellationToken ct)
    {
        var clashing = offers.GroupBy(o => (Name(o), Place(o))).Where(g => g.Count() > 1).SelectMany(g => g).ToList();
        if (clashing.Count == 0) return [];
        var ids = clashing.Select(o => o.Id).ToList();
        var groups = await db.Set<OfferTargetGroup>().AsNoTracking().Where(t => ids.Contains(t.OfferId))
            .Join(db.TargetGroups.AsNoTracking(), t => t.TargetGroupCode, g => g.Code, (t, g) => new { t.OfferId, g.SortOrder, g.Name, g.NameEn })
            .ToListAsync(ct);
        var byOffer = groups.ToLookup(g => g.OfferId);
        var text = clashing.ToDictionary(o => o.Id, o => string.Join(", ", byOffer[o.Id].OrderBy(g => g.SortOrder).Select(g => LocalizedName.Pick(g.Name, g.NameEn))));
        // Still the same (or no target groups): the offer's number makes it unique.
        foreach (var same in clashing.GroupBy(o => (Name(o), Place(o), text[o.Id])).Where(g => g.Count() > 1).SelectMany(g => g))
            text[same.Id] = text[same.Id].Length == 0 ? $"#{same.Id}" : $"{text[same.Id]} (#{same.Id})";
        return text;
    }
}
