using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Web.Features.Search;

/// <summary>
/// The resident's search: checks what was typed, turns the postcode into a place and a region, and asks the
/// search engine. Bad input yields a message per field and no search at all.
/// </summary>
public sealed class ResidentSearch(SearchChoices choices, IOfferSearch search, Geo.PlaceDirectory places, IStringLocalizer<SharedResource> L)
{
    public async Task<SearchViewModel> RunAsync(SearchForm form, ModelStateDictionary errors, SearchSurface surface, CancellationToken ct)
    {
        var (model, query) = await PrepareAsync(form, errors, surface, ct);
        if (query is null) return model;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        model.Result = await search.SearchAsync(query, ct);
        model.SearchTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return model;
    }

    /// <summary>
    /// Checks the form and resolves it into a query; the query is null when there is anything to correct. Messages go
    /// into <paramref name="errors"/> (the page's ModelState) under the field's name.
    /// </summary>
    public async Task<(SearchViewModel Model, OfferSearchQuery? Query)> PrepareAsync(
        SearchForm form, ModelStateDictionary errors, SearchSurface surface, CancellationToken ct)
    {
        var model = new SearchViewModel { Form = form, Surface = surface };
        var known = await choices.GetAsync(ct);
        model.TargetGroups = known.TargetGroups;
        model.Languages = known.Languages;

        switch (Postcode.TryParse(form.Postcode, out var postcode))
        {
            case PostcodeProblem.Empty:
                errors.AddModelError("postcode", L["Vul uw postcode in, bijvoorbeeld 1621 AB."]);
                break;
            case PostcodeProblem.Malformed when places.Find(form.Postcode) is { } place:
                // A place name where a postcode is asked: its main postcode area stands for it.
                ResolvePlace(known, model, new Postcode(place.MainPc4, null), errors);
                if (model.Place is not null) model.PlaceName = place.Name;
                break;
            case PostcodeProblem.Malformed when form.Postcode!.Any(char.IsDigit) || form.Postcode!.Trim().Length > 60:
                errors.AddModelError("postcode", L["Een postcode heeft 4 cijfers en daarna 2 letters, bijvoorbeeld 1621 AB."]);
                break;
            case PostcodeProblem.Malformed:
                var suggestions = places.Suggest(form.Postcode!, 3).Select(p => p.Name).Distinct().ToList();
                errors.AddModelError("postcode", suggestions.Count > 0
                    ? L["We kennen de plaats {0} niet. Bedoelt u {1}? Of vul uw postcode in, bijvoorbeeld 1621 AB.", form.Postcode!.Trim(), string.Join(", ", suggestions)]
                    : L["We kennen de plaats {0} niet. Vul uw postcode in, bijvoorbeeld 1621 AB, of de naam van uw woonplaats.", form.Postcode!.Trim()]);
                break;
            default:
                ResolvePlace(known, model, postcode, errors);
                break;
        }

        var distance = SearchForm.DefaultDistance;
        if (!string.IsNullOrWhiteSpace(form.Distance)
            && (!int.TryParse(form.Distance, NumberStyles.None, CultureInfo.InvariantCulture, out distance) || !SearchForm.Distances.Contains(distance)))
        {
            errors.AddModelError("afstand", L["Kies een afstand uit de lijst."]);
            distance = SearchForm.DefaultDistance;
        }
        model.DistanceKm = distance;

        var text = form.Text?.Trim();
        if (text?.Length > SearchForm.TextMaxLength)
            errors.AddModelError("q", L["Gebruik hooguit {0} tekens.", SearchForm.TextMaxLength]);

        int? within = null;
        if (!string.IsNullOrWhiteSpace(form.StartWithin))
        {
            if (int.TryParse(form.StartWithin, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) && weeks <= Availability.MaxWaitingWeeks)
                within = weeks;
            else
                errors.AddModelError("binnen", L["Vul een aantal weken in van 0 tot en met {0}.", Availability.MaxWaitingWeeks]);
        }

        var transport = (form.Transport ?? "") switch
        {
            "" => TransportFilter.Any,
            "ja" => TransportFilter.Offered,
            "rolstoel" => TransportFilter.Wheelchair,
            _ => (TransportFilter?)null,
        };
        if (transport is null) errors.AddModelError("vervoer", L["Kies een keuze uit de lijst."]);
        else if (transport == TransportFilter.Any && KindLabels.IsTransport(form.Product)) transport = TransportFilter.Offered;

        var language = string.IsNullOrWhiteSpace(form.Language) ? null : form.Language;
        if (language is not null && model.Languages.All(l => l.Code != language))
            errors.AddModelError("taal", L["Kies een taal uit de lijst."]);

        var groups = TargetGroupsFor(form.TargetGroup, model.TargetGroups);
        if (groups is null) errors.AddModelError("doelgroep", L["Kies een doelgroep uit de lijst."]);

        var sort = (form.Sort ?? "") switch
        {
            "" or "afstand" => SearchSort.Distance,
            "wachttijd" => SearchSort.WaitingTime,
            "naam" => SearchSort.Name,
            _ => (SearchSort?)null,
        };
        if (sort is null) errors.AddModelError("sorteer", L["Kies een volgorde uit de lijst."]);

        var page = 1;
        if (!string.IsNullOrWhiteSpace(form.Page) && (!int.TryParse(form.Page, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            page = 1;

        IReadOnlyCollection<int> productIds = [];
        if (model.Region is { } region)
        {
            model.Products = known.ProductsOf(region.Id);
            var resolved = ProductsFor(form.Product, model.Products);
            if (resolved is null) errors.AddModelError("product", L["Dit product is er niet in regio {0}. Kies een product uit de lijst.", region.Name]);
            else productIds = resolved;
        }
        else if (!string.IsNullOrWhiteSpace(form.Product) && !Enum.TryParse<ProductKind>(form.Product, true, out _)
                 && !known.ProductCodes.Contains(form.Product))
        {
            errors.AddModelError("product", L["Kies een product uit de lijst."]);
        }

        if (errors.ErrorCount > 0 || model.Region is null || model.Place is null) return (model, null);

        return (model, new OfferSearchQuery
        {
            RegionId = model.Region.Id,
            Latitude = model.Place.Latitude,
            Longitude = model.Place.Longitude,
            MunicipalityCode = model.Place.MunicipalityCode,
            RadiusKm = distance,
            ProductIds = productIds,
            TargetGroups = groups!,
            Text = text,
            StartWithinWeeks = within,
            Transport = transport!.Value,
            Language = language,
            Sort = sort!.Value,
            Page = page,
        });
    }

    private void ResolvePlace(SearchChoices.Snapshot known, SearchViewModel model, Postcode postcode, ModelStateDictionary errors)
    {
        var area = known.PostcodeAreas.GetValueOrDefault(postcode.Pc4);
        if (area is null)
        {
            errors.AddModelError("postcode", L["We kennen postcode {0} niet. Kijk of u de postcode goed hebt getypt.", postcode.ToString()]);
            return;
        }
        var municipality = area.MunicipalityCode is { } code ? known.Municipalities.GetValueOrDefault(code) : null;
        if (municipality?.Region is null)
        {
            errors.AddModelError("postcode", L["Postcode {0} ligt in {1}. Die gemeente doet nog niet mee met Startpunt. Startpunt werkt nu in de regio's {2}.",
                postcode.ToString(), municipality?.Name ?? area.Place, string.Join(", ", known.RegionNames)]);
            return;
        }
        model.Place = area;
        model.Municipality = municipality;
        model.Region = municipality.Region;
    }

    /// <summary>A product of the region by its code, or every product of a kind ("dagbesteding"); null when neither.</summary>
    internal static IReadOnlyCollection<int>? ProductsFor(string? value, IReadOnlyList<Product> products)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var product = products.FirstOrDefault(p => p.Code == value);
        if (product is not null) return [product.Id];
        if (Enum.TryParse<ProductKind>(value, true, out var kind) && !int.TryParse(value, out _))
            return products.Where(p => p.Kind == (kind == ProductKind.Vervoer ? ProductKind.Dagbesteding : kind)).Select(p => p.Id).ToList();
        return null;
    }

    /// <summary>A group, or a sector with all its subgroups; null when the code is unknown.</summary>
    internal static IReadOnlyCollection<string>? TargetGroupsFor(string? value, IReadOnlyList<TargetGroup> groups)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var group = groups.FirstOrDefault(g => g.Code == value);
        if (group is null) return null;
        return group.IsSector
            ? groups.Where(g => g.SectorCode == group.Code).Select(g => g.Code).Append(group.Code).ToList()
            : [group.Code];
    }
}

