using Startpunt.Web.Domain;

namespace Startpunt.Tests.Domain;

public sealed class StoplightRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 16, 8, 0, 0, DateTimeKind.Utc);
    private static readonly StoplightRules Rules = StoplightRules.Default;

    [Theory]
    [InlineData(0, StoplightColour.Green)]
    [InlineData(2, StoplightColour.Green)]
    [InlineData(3, StoplightColour.Orange)]
    [InlineData(6, StoplightColour.Orange)]
    [InlineData(7, StoplightColour.Red)]
    [InlineData(104, StoplightColour.Red)]
    public void Waiting_weeks_give_the_colour_at_every_threshold(int weeks, StoplightColour expected) =>
        Assert.Equal(expected, Rules.Derive(true, weeks, Now.AddDays(-1), Now).Colour);

    [Fact]
    public void Closed_intake_is_red_even_without_a_wait() =>
        Assert.Equal(StoplightColour.Red, Rules.Derive(false, 0, Now.AddDays(-1), Now).Colour);

    [Fact]
    public void Confirmed_exactly_at_the_freshness_limit_still_counts() =>
        Assert.Equal(StoplightColour.Green, Rules.Derive(true, 1, Now.AddDays(-14), Now).Colour);

    [Fact]
    public void One_second_past_the_freshness_limit_is_unknown() =>
        Assert.Equal(StoplightColour.Unknown, Rules.Derive(true, 1, Now.AddDays(-14).AddSeconds(-1), Now).Colour);

    [Fact]
    public void Never_confirmed_is_unknown() =>
        Assert.Equal(StoplightColour.Unknown, Rules.Derive(true, 0, null, Now).Colour);

    [Fact]
    public void A_stale_closed_intake_is_unknown_rather_than_red() =>
        Assert.Equal(StoplightColour.Unknown, Rules.Derive(false, 10, Now.AddDays(-30), Now).Colour);

    [Fact]
    public void A_region_with_other_thresholds_gets_other_colours()
    {
        var strict = new StoplightRules(GreenMaxWeeks: 0, OrangeMaxWeeks: 4, FreshnessDays: 7);
        Assert.Equal(StoplightColour.Green, strict.Derive(true, 0, Now, Now).Colour);
        Assert.Equal(StoplightColour.Orange, strict.Derive(true, 1, Now, Now).Colour);
        Assert.Equal(StoplightColour.Red, strict.Derive(true, 5, Now, Now).Colour);
        Assert.Equal(StoplightColour.Unknown, strict.Derive(true, 0, Now.AddDays(-8), Now).Colour);
    }

    [Fact]
    public void The_stoplight_keeps_the_facts_it_was_derived_from()
    {
        var confirmed = Now.AddDays(-3);
        var light = Rules.Derive(true, 4, confirmed, Now);
        Assert.Equal((true, 4, (DateTime?)confirmed), (light.IntakeOpen, light.WaitingWeeks, light.ConfirmedAt));
    }
}
