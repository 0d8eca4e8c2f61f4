using Microsoft.Extensions.Localization;
using Startpunt.Web.Geo;

namespace Startpunt.Web.Features.GettingHelp;

/// <summary>The provider's side of "Zo krijgt u deze hulp": whom to call after the melding.</summary>
public sealed record ProviderContact(string Name, string? Phone, string? Email, bool IsDemo)
{
    public string? PhoneLink => Phone is null ? null : Tel.Href(Phone);
}

/// <summary>What the block "Zo krijgt u deze hulp" shows: the melding at the municipality, then the provider.</summary>
public sealed class HowToGetHelp
{
    /// <summary>Where the postcode form goes (GET), with the anchor of the block.</summary>
    public required string FormAction { get; init; }
    /// <summary>The postcode or place as the visitor gave it.</summary>
    public string? Postcode { get; init; }
    public string? PostcodeError { get; init; }
    /// <summary>The municipality of the postcode, when known.</summary>
    public string? MunicipalityName { get; init; }
    public WmoDesk? Desk { get; init; }
    public ProviderContact? Provider { get; init; }
    /// <summary>The heading: "Zo krijgt u deze hulp" on an offer, "Zo krijgt u hulp" elsewhere.</summary>
    public bool ForOffer => Provider is not null;
}

/// <summary>Finds the Wmo-loket for a postcode or a place name and fills <see cref="HowToGetHelp"/>.</summary>
public sealed class HowToGetHelpBuilder(Search.SearchChoices choices, WmoDesks desks, PlaceDirectory places, IStringLocalizer<SharedResource> L)
{
    public async Task<HowToGetHelp> BuildAsync(string? postcode, ProviderContact? provider, string formAction, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(postcode))
            return new HowToGetHelp { FormAction = formAction, Provider = provider };
        var typed = postcode.Trim();
        if (typed.Length > 60 || typed.Any(char.IsControl))
            return new HowToGetHelp { FormAction = formAction, Provider = provider, PostcodeError = L["Vul een postcode in, zoals 1621 AB, of de naam van uw woonplaats."] };

        var known = await choices.GetAsync(ct);
        string? code = null;
        if (Postcode.TryParse(typed, out var pc) == PostcodeProblem.None)
            code = known.PostcodeAreas.GetValueOrDefault(pc.Pc4)?.MunicipalityCode;
        else if (places.Find(typed) is { } place)
            code = place.MunicipalityCode;
        else
            return new HowToGetHelp { FormAction = formAction, Provider = provider, Postcode = typed, PostcodeError = L["We kennen deze postcode of plaats niet. Vul een postcode in, zoals 1621 AB, of de naam van uw woonplaats."] };

        var municipality = code is null ? null : known.Municipalities.GetValueOrDefault(code)?.Name;
        if (municipality is null)
            return new HowToGetHelp { FormAction = formAction, Provider = provider, Postcode = typed, PostcodeError = L["We kennen deze postcode of plaats niet. Vul een postcode in, zoals 1621 AB, of de naam van uw woonplaats."] };
        return new HowToGetHelp
        {
            FormAction = formAction, Provider = provider, Postcode = typed, MunicipalityName = municipality,
            Desk = desks.For(code),
        };
    }
}

public static class GettingHelpSetup
{
    public static WebApplicationBuilder AddStartpuntGettingHelp(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WmoDesks>();
        builder.Services.AddScoped<HowToGetHelpBuilder>();
        return builder;
    }
}
