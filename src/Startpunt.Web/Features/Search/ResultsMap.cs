using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Shared;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Web.Features.Search;

/// <summary>One offer in a pin's list: its page, its name, and its stoplight in words.</summary>
public sealed record MapOffer(int Id, string Title, string Colour, string Stoplight);

/// <summary>One pin: a location with the offers of the results that are there; coloured by its best stoplight.</summary>
public sealed record MapPin(double Lat, double Lon, string Name, string Address, string Colour, string Label, IReadOnlyList<MapOffer> Offers);

/// <summary>
/// The results map: the very offers of the result list (the same search, the same page), one pin per location. Offers
/// at home (no location) are counted, not pinned.
/// </summary>
public sealed record ResultsMap(IReadOnlyList<MapPin> Pins, int AtHome)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The pins for the map script, as JSON in a data attribute (no second search, no other request).</summary>
    public string PinsJson => JsonSerializer.Serialize(Pins, Json);
}

public sealed class ResultsMapBuilder(StartpuntDb db, IStringLocalizer<SharedResource> L)
{
    public async Task<ResultsMap> BuildAsync(OfferSearchResult result, CancellationToken ct)
    {
        var ids = result.Hits.Select(h => h.OfferId).ToList();
        var places = await db.Offers.AsNoTracking().Where(o => ids.Contains(o.Id) && o.LocationId != null)
            .Select(o => new { o.Id, LocationId = o.LocationId!.Value, o.Location!.Name, o.Location.Street, o.Location.HouseNumber, o.Location.Postcode, o.Location.Town, o.Location.Latitude, o.Location.Longitude })
            .ToDictionaryAsync(o => o.Id, ct);
        var pins = result.Hits.Where(h => places.ContainsKey(h.OfferId))
            .GroupBy(h => places[h.OfferId].LocationId)
            .Select(g =>
            {
                var place = places[g.First().OfferId];
                var best = g.Select(h => h.Stoplight.Colour).Min();
                var (css, colourName) = StoplightWords.Colour(best, L);
                var offers = g.Select(h =>
                {
                    var (offerCss, offerColour) = StoplightWords.Colour(h.Stoplight.Colour, L);
                    var title = $"{h.ProviderName}: {(h.LevelName is null ? h.ProductName : $"{h.ProductName} - {h.LevelName}")}";
                    return new MapOffer(h.OfferId, title, offerCss, $"{offerColour}: {StoplightWords.Wait(h.Stoplight, L)}");
                }).ToList();
                var count = offers.Count == 1 ? L["1 aanbod"].Value : L["{0} aanbiedingen", offers.Count].Value;
                var label = L["{0}, {1}: {2}. Beste stoplicht: {3}", place.Name, place.Town, count, colourName].Value;
                return new MapPin(place.Latitude, place.Longitude, place.Name, $"{place.Street} {place.HouseNumber}, {place.Postcode} {place.Town}", css, label, offers);
            }).ToList();
        return new ResultsMap(pins, result.Hits.Count(h => !places.ContainsKey(h.OfferId)));
    }
}
