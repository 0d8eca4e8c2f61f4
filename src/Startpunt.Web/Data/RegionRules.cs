using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data;

public static class RegionRules
{
    /// <summary>Every region's stoplight thresholds, for deriving the stoplight of offers from several regions.</summary>
    public static async Task<IReadOnlyDictionary<string, StoplightRules>> StoplightRulesAsync(this StartpuntDb db, CancellationToken ct) =>
        await db.Regions.AsNoTracking()
            .Select(r => new { r.Id, Rules = new StoplightRules(r.GreenMaxWeeks, r.OrangeMaxWeeks, r.FreshnessDays) })
            .ToDictionaryAsync(r => r.Id, r => r.Rules, ct);

    /// <summary>One region's thresholds; the defaults for an unknown region.</summary>
    public static async Task<StoplightRules> StoplightRulesAsync(this StartpuntDb db, string regionId, CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Id == regionId)
            .Select(r => new StoplightRules(r.GreenMaxWeeks, r.OrangeMaxWeeks, r.FreshnessDays))
            .SingleOrDefaultAsync(ct) ?? StoplightRules.Default;
}
