using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Shared;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Web.Features.Search;

/// <summary>One offer in a pin's list: its page (<paramref name="Url"/>, from routing), its name, and its stoplight in words.</summary>
public sealed record MapOffer(int Id, string Url, string Title, string Colour, string Stoplight);

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

/// <summary>Builds the pins from the hits alone (each carries its place): no query, no second search.</summary>
public sealed class ResultsMapBuilder(IStringLocalizer<SharedResource> L)
{
    /// <summary>The pins; <paramref name="url"/> gives each offer's page, so the script never builds an address.</summary>
    public ResultsMap Build(OfferSearchResult result, IUrlHelper url)
    {
        var pins = result.Hits.Where(h => h is { LocationId: not null, Place: not null })
            .GroupBy(h => h.LocationId!.Value)
            .Select(g =>
            {
                var first = g.First();
                var place = first.Place!;
                var best = g.Select(h => h.Stoplight.Colour).Min();
                var (css, colourName) = StoplightWords.Colour(best, L);
                var offers = g.Select(h =>
                {
                    var (offerCss, offerColour) = StoplightWords.Colour(h.Stoplight.Colour, L);
                    var title = $"{h.ProviderName}: {(h.LevelName is null ? h.ProductName : $"{h.ProductName} - {h.LevelName}")}";
                    return new MapOffer(h.OfferId, url.Page("/Offers/Details", new { id = h.OfferId })!, title, offerCss, $"{offerColour}: {StoplightWords.Wait(h.Stoplight, L)}");
                }).ToList();
                var count = offers.Count == 1 ? L["1 aanbod"].Value : L["{0} aanbiedingen", offers.Count].Value;
                var label = L["{0}, {1}: {2}. Beste stoplicht: {3}", first.LocationName ?? "", first.Town ?? "", count, colourName].Value;
                return new MapPin(place.Latitude, place.Longitude, first.LocationName ?? "", $"{place.Street}, {place.Postcode} {first.Town}", css, label, offers);
            }).ToList();
        return new ResultsMap(pins, result.Hits.Count(h => h.Place is null));
    }
}
