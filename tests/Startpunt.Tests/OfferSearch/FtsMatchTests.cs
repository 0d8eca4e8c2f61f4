using Startpunt.Web.OfferSearch;

namespace Startpunt.Tests.OfferSearch;

public sealed class FtsMatchTests
{
    [Theory]
    [InlineData("zorgboerderij", "\"zorgboerderij\"*")]
    [InlineData("  Zorg  Boerderij ", "\"zorg\"* \"boerderij\"*")]
    [InlineData("\"a\" OR NEAR(b)", "\"a\"* \"or\"* \"near\"* \"b\"*")]
    [InlineData("crèche", "\"crèche\"*")]
    public void Typed_words_become_prefix_terms_that_must_all_occur(string input, string expected) =>
        Assert.Equal(expected, Startpunt.Web.OfferSearch.SqliteOfferSearch.FtsMatch(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*** -- ()")]
    public void Text_without_words_is_no_text_filter(string? input) =>
        Assert.Null(SqliteOfferSearch.FtsMatch(input));
}
