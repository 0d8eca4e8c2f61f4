using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Startpunt.Web;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Tests.Features.Shared;

/// <summary>The remembered UI texts answer as the resource files do, in the culture of the moment, each time.</summary>
public sealed class CachedTextsTests
{
    private static IStringLocalizer Texts() => new CachedTextsFactory(new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)).Create(typeof(SharedResource));

    [Fact]
    public void A_text_read_in_one_language_is_not_given_in_the_other()
    {
        var L = Texts();
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
        Assert.Equal("Talen", L["Talen"].Value);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en-GB");
        Assert.Equal("Languages", L["Talen"].Value);
        Assert.Equal("Languages", L["Talen"].Value);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
        Assert.Equal("Talen", L["Talen"].Value);
    }

    [Fact]
    public void A_text_with_arguments_is_formatted_each_time_and_an_unknown_text_is_its_own_key()
    {
        var L = Texts();
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
        Assert.Equal("Binnen 5 km van Hoorn, regio Westfriesland.", L["Binnen {0} km van {1}, regio {2}.", 5, "Hoorn", "Westfriesland"].Value);
        Assert.Equal("Binnen 25 km van Enkhuizen, regio Westfriesland.", L["Binnen {0} km van {1}, regio {2}.", 25, "Enkhuizen", "Westfriesland"].Value);
        var unknown = L["Geen tekst met deze sleutel"];
        Assert.True(unknown.ResourceNotFound);
        Assert.Equal("Geen tekst met deze sleutel", unknown.Value);
    }
}
