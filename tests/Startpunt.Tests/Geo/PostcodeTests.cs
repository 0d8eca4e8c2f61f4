using Startpunt.Web.Geo;

namespace Startpunt.Tests.Geo;

public sealed class PostcodeTests
{
    [Theory]
    [InlineData("1621 AB", 1621, "AB")]
    [InlineData("1621AB", 1621, "AB")]
    [InlineData("1621ab", 1621, "AB")]
    [InlineData(" 1621 ab ", 1621, "AB")]
    [InlineData("1621", 1621, null)]
    [InlineData("9999 ZZ", 9999, "ZZ")]
    public void Full_and_four_digit_postcodes_resolve_by_their_digits(string input, int pc4, string? letters)
    {
        Assert.Equal(PostcodeProblem.None, Postcode.TryParse(input, out var postcode));
        Assert.Equal(pc4, postcode.Pc4);
        Assert.Equal(letters, postcode.Letters);
    }

    [Theory]
    [InlineData("16a1")]
    [InlineData("1a21 AB")]
    [InlineData("0621 AB")]
    [InlineData("162")]
    [InlineData("16210")]
    [InlineData("1621 A")]
    [InlineData("1621 ABC")]
    [InlineData("1621 SA")]
    [InlineData("B-1000")]
    [InlineData("75001")]
    [InlineData("<script>")]
    public void Malformed_postcodes_are_refused(string input) =>
        Assert.Equal(PostcodeProblem.Malformed, Postcode.TryParse(input, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_postcode_is_reported_as_empty(string? input) =>
        Assert.Equal(PostcodeProblem.Empty, Postcode.TryParse(input, out _));

    [Fact]
    public void A_postcode_prints_in_the_usual_way()
    {
        Postcode.TryParse("1621ab", out var postcode);
        Assert.Equal("1621 AB", postcode.ToString());
    }
}
