using Microsoft.Extensions.Options;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Data;
using Startpunt.Web.Geo;

namespace Startpunt.Tests.Geo;

public sealed class PlaceDirectoryTests
{
    private static readonly PlaceDirectory Places = new(Options.Create(new PathOptions { ResolvedOpenData = Path.Combine(RepositoryPaths.Root, "..", "shared", "data") }));

    [Theory]
    [InlineData("Hoorn", "GM0405", 1621)]
    [InlineData("  hoorn ", "GM0405", 1621)]
    [InlineData("s hertogenbosch", "GM0796", 5211)]
    [InlineData("'S-HERTOGENBOSCH", "GM0796", 5211)]
    public void A_place_name_is_found_whatever_the_case_spaces_and_punctuation(string typed, string municipality, int pc4)
    {
        var place = Places.Find(typed);
        Assert.NotNull(place);
        Assert.Equal(municipality, place.MunicipalityCode);
        Assert.Equal(pc4, place.MainPc4);
    }

    [Fact]
    public void An_unknown_name_finds_nothing() => Assert.Null(Places.Find("Atlantis"));

    [Fact]
    public void Suggestions_put_names_that_start_with_the_typed_text_first()
    {
        var names = Places.Suggest("hoor").Select(p => p.Name).ToList();
        Assert.Equal("Hoorn", names[0]);
        Assert.Contains("Uithoorn", names);
        Assert.Empty(Places.Suggest("h"));
    }
}
