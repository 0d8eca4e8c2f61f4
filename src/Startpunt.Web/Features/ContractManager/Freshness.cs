using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Provider;

namespace Startpunt.Web.Features.ContractManager;

public sealed record ProviderFreshness(int ProviderId, string Name, int Offers, int ConfirmedRecently, int Overdue, int Unknown,
    DateTime? LastActivity, DateTime? LastReminder, bool Deactivated)
{
    /// <summary>Share of offers confirmed within the reminder period, 0..1; 1 when there are none.</summary>
    public double Share => Offers == 0 ? 1 : (double)ConfirmedRecently / Offers;
}

public sealed record RegionFreshness(IReadOnlyList<ProviderFreshness> Providers, int Offers, int ConfirmedRecently, int Overdue, int Unknown)
{
    public double Share => Offers == 0 ? 1 : (double)ConfirmedRecently / Offers;
}

/// <summary>Who keeps their data current: per provider and for the whole region, at a moment in time.</summary>
public sealed class Freshness(StartpuntDb db, RegionScope scope)
{
    public async Task<RegionFreshness> ComputeAsync(Domain.Region region, DateTime now, CancellationToken ct)
    {
        var recentSince = Confirmation.OverdueBefore(now);
        var freshSince = region.Rules.FreshSince(now);
        var offers = await db.Offers.AsNoTracking().Where(o => o.RegionId == region.Id && !o.Paused)
            .Select(o => new { o.ProviderId, o.Availability.ConfirmedAt }).ToListAsync(ct);
        var providers = await scope.Providers(region.Id).AsNoTracking().Select(p => new { p.Id, p.Name, Deactivated = db.ProviderDeactivations.Any(d => d.ProviderId == p.Id && d.RegionId == region.Id) }).ToListAsync(ct);
        var ids = providers.Select(p => p.Id).ToList();
        // Last activity: the latest change or confirmation by a person, as the history records it.
        var activity = await db.AuditEntries.AsNoTracking().Where(a => a.ProviderId != null && ids.Contains(a.ProviderId.Value) && a.UserName != AuditActor.System.UserName)
            .GroupBy(a => a.ProviderId).Select(g => new { ProviderId = g.Key!.Value, At = g.Max(a => a.At) }).ToDictionaryAsync(x => x.ProviderId, x => x.At, ct);
        var reminders = await db.Reminders.AsNoTracking().Where(r => ids.Contains(r.ProviderId))
            .GroupBy(r => r.ProviderId).Select(g => new { ProviderId = g.Key, At = g.Max(r => r.SentAt) }).ToDictionaryAsync(x => x.ProviderId, x => x.At, ct);
        var byProvider = offers.ToLookup(o => o.ProviderId);
        var rows = providers.Select(p =>
        {
            var mine = byProvider[p.Id].ToList();
            return new ProviderFreshness(p.Id, p.Name, mine.Count,
                mine.Count(o => o.ConfirmedAt >= recentSince),
                mine.Count(o => o.ConfirmedAt is null || o.ConfirmedAt < recentSince),
                mine.Count(o => o.ConfirmedAt is null || o.ConfirmedAt < freshSince),
                activity.TryGetValue(p.Id, out var a) ? a : null,
                reminders.TryGetValue(p.Id, out var r) ? r : null,
                p.Deactivated);
        }).ToList();
        return new RegionFreshness(rows, rows.Sum(r => r.Offers), rows.Sum(r => r.ConfirmedRecently), rows.Sum(r => r.Overdue), rows.Sum(r => r.Unknown));
    }
}
