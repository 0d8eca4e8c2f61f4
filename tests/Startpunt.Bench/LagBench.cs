using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Bench;

/// <summary>
/// From a provider's save to the offer turning up in a search: an offer waiting 30 weeks is set to "can start now"
/// through StartpuntDb.SaveChangesAsync (the real write path, with its outbox row), then searched for with
/// "start within 0 weeks" until it appears. For Meilisearch the portal's own sync service carries the change.
/// </summary>
public static class LagBench
{
    public static async Task<List<double>> RunAsync(IServiceProvider services, TimeProvider clock, Func<IServiceProvider, IOfferSearch> engine, int samples, int offset)
    {
        List<(int Id, OfferSearchQuery Query)> targets;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
            var candidates = await db.Offers.AsNoTracking().Where(o => o.LocationId != null && !o.Paused).OrderBy(o => o.Id)
                .Select(o => new { o.Id, o.RegionId, o.ProductId, o.Location!.Latitude, o.Location.Longitude }).ToListAsync();
            var step = Math.Max(1, candidates.Count / (samples * 2 + 1));
            targets = Enumerable.Range(0, samples).Select(i => candidates[(offset + i * 2 * step) % candidates.Count]).Select(o => (o.Id, new OfferSearchQuery
            {
                RegionId = o.RegionId, Latitude = o.Latitude, Longitude = o.Longitude, RadiusKm = 5, ProductIds = [o.ProductId], StartWithinWeeks = 0, PageSize = 100,
            })).ToList();
        }

        var lags = new List<double>();
        foreach (var (id, query) in targets)
        {
            await SetAsync(services, clock, id, weeks: 30);
            await UntilAsync(services, engine, query, id, visible: false);
            var started = Stopwatch.GetTimestamp();
            await SetAsync(services, clock, id, weeks: 0);
            await UntilAsync(services, engine, query, id, visible: true);
            lags.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return lags;
    }

    private static async Task SetAsync(IServiceProvider services, TimeProvider clock, int offerId, int weeks)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
        var offer = await db.Offers.SingleAsync(o => o.Id == offerId);
        offer.Availability.WaitingWeeks = weeks;
        offer.Availability.IntakeOpen = true;
        offer.Availability.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }

    private static async Task UntilAsync(IServiceProvider services, Func<IServiceProvider, IOfferSearch> engine, OfferSearchQuery query, int offerId, bool visible)
    {
        var deadline = Stopwatch.GetTimestamp() + 60 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var result = await engine(scope.ServiceProvider).SearchAsync(query);
                if (result.Hits.Any(h => h.OfferId == offerId) == visible) return;
            }
            // Measuring from outside: look again shortly.
            await Task.Delay(5);
        }
        throw new TimeoutException($"offer {offerId} did not become {(visible ? "visible" : "invisible")} within 60 s");
    }
}
