using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.ContractManager;

/// <summary>One point of a trend: the waiting weeks of the offers that existed at that moment.</summary>
public sealed record TrendPoint(DateTime At, int Offers, double? P25, double? Median, double? P75);

public sealed record TrendFilter(int? ProductId, string? TargetGroup, string? Municipality, int Weeks);

/// <summary>
/// Waiting-time trends computed from the history: at each week's end, each offer's waiting weeks are what its last
/// change before that moment said; the median and the middle half (25th to 75th percentile) summarise them.
/// </summary>
public sealed class Trends(StartpuntDb db)
{
    public async Task<List<TrendPoint>> ComputeAsync(string regionId, TrendFilter filter, DateTime now, CancellationToken ct)
    {
        var offers = db.Offers.AsNoTracking().Where(o => o.RegionId == regionId);
        if (filter.ProductId is { } productId) offers = offers.Where(o => o.ProductId == productId);
        if (filter.TargetGroup is { } group)
        {
            var groups = await db.TargetGroups.Where(t => t.Code == group || t.SectorCode == group).Select(t => t.Code).ToListAsync(ct);
            offers = offers.Where(o => o.TargetGroups.Any(t => groups.Contains(t.TargetGroupCode)));
        }
        if (filter.Municipality is { } m)
            offers = offers.Where(o => (o.Location != null && o.Location.MunicipalityCode == m) || o.ServiceArea.Any(a => a.MunicipalityCode == m));
        var list = await offers.Select(o => new { o.Id, o.CreatedAt, o.Availability.WaitingWeeks }).ToListAsync(ct);
        var ids = list.Select(o => o.Id).ToList();

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Offer" && ids.Contains(a.EntityId) && a.Changes.Contains("\"WaitingWeeks\""))
            .Select(a => new { a.EntityId, a.At, a.Id, a.Changes }).ToListAsync(ct);
        var timelines = entries
            .Select(e => (e.EntityId, e.At, e.Id, Weeks: WaitingWeeks(e.Changes)))
            .Where(e => e.Weeks is not null)
            .GroupBy(e => e.EntityId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => (e.At, Weeks: e.Weeks!.Value)).ToList());

        var points = new List<TrendPoint>();
        for (var k = filter.Weeks - 1; k >= 0; k--)
        {
            var at = now.AddDays(-7 * k);
            var values = new List<int>();
            foreach (var o in list)
            {
                if (timelines.TryGetValue(o.Id, out var timeline))
                {
                    var last = timeline.LastOrDefault(e => e.At <= at);
                    if (last.At != default) values.Add(last.Weeks);
                }
                else if (o.CreatedAt <= at) values.Add(o.WaitingWeeks); // no history: the value it has had since it was made
            }
            values.Sort();
            points.Add(new TrendPoint(at, values.Count, Percentile(values, 0.25), Percentile(values, 0.5), Percentile(values, 0.75)));
        }
        return points;
    }

    /// <summary>Linear interpolation between closest ranks; null for no values.</summary>
    internal static double? Percentile(IReadOnlyList<int> sorted, double q)
    {
        if (sorted.Count == 0) return null;
        var position = (sorted.Count - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    private static int? WaitingWeeks(string changes)
    {
        foreach (var c in JsonSerializer.Deserialize<List<FieldChange>>(changes) ?? [])
            if (c.Field == "WaitingWeeks" && int.TryParse(c.New, out var weeks)) return weeks;
        return null;
    }
}
