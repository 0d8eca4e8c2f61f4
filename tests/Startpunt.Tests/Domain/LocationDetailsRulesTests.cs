using Startpunt.Web.Domain;

namespace Startpunt.Tests.Domain;

public sealed class LocationDetailsRulesTests
{
    [Fact]
    public void Opening_hours_are_stored_monday_first_and_read_back_the_same()
    {
        var days = new[]
        {
            new OpeningDay(DayOfWeek.Sunday, null, null),
            new OpeningDay(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 30)),
        };
        var stored = OpeningHours.Format(days);
        Assert.Equal("MO 09:00-17:30;SU afspraak", stored);
        Assert.Equal([days[1], days[0]], OpeningHours.Parse(stored));
    }

    [Theory]
    [InlineData("XX 09:00-17:00")]
    [InlineData("MO 17:00-09:00")]
    [InlineData("MO 9-17")]
    [InlineData("")]
    public void A_stored_part_that_does_not_fit_is_skipped(string stored) => Assert.Empty(OpeningHours.Parse(stored));

    [Fact]
    public void Accessibility_keeps_known_codes_in_the_lists_order()
    {
        Assert.Equal("wheelchair,lift", LocationAccessibility.Format(["lift", "unknown", "wheelchair", "lift"]));
        Assert.Null(LocationAccessibility.Format(["unknown"]));
        Assert.Equal(["lift", "wheelchair"], LocationAccessibility.Parse("lift,wheelchair,nope").Select(f => f.Code));
    }
}
