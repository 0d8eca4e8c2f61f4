namespace Startpunt.Web.Domain;

public enum StoplightColour { Green, Orange, Red, Unknown }

/// <summary>The stoplight as shown: colour, with the facts it was derived from.</summary>
public readonly record struct Stoplight(StoplightColour Colour, bool IntakeOpen, int WaitingWeeks, DateTime? ConfirmedAt)
{
    public bool IsKnown => Colour != StoplightColour.Unknown;
}

/// <summary>
/// A region's thresholds. The stoplight is derived, never typed by hand: intake closed is red; waiting weeks
/// against the thresholds give green, orange or red; an availability not confirmed within the freshness limit
/// is unknown, so a stale green is never shown.
/// </summary>
public sealed record StoplightRules(int GreenMaxWeeks, int OrangeMaxWeeks, int FreshnessDays)
{
    public static StoplightRules Default { get; } = new(2, 6, 14);

    public Stoplight Derive(Availability availability, DateTime utcNow) =>
        Derive(availability.IntakeOpen, availability.WaitingWeeks, availability.ConfirmedAt, utcNow);

    public Stoplight Derive(bool intakeOpen, int waitingWeeks, DateTime? confirmedAt, DateTime utcNow)
    {
        StoplightColour colour;
        if (!IsFresh(confirmedAt, utcNow)) colour = StoplightColour.Unknown;
        else if (!intakeOpen) colour = StoplightColour.Red;
        else if (waitingWeeks <= GreenMaxWeeks) colour = StoplightColour.Green;
        else if (waitingWeeks <= OrangeMaxWeeks) colour = StoplightColour.Orange;
        else colour = StoplightColour.Red;
        return new Stoplight(colour, intakeOpen, waitingWeeks, confirmedAt);
    }

    /// <summary>Confirmed within the freshness limit: exactly <see cref="FreshnessDays"/> days ago still counts.</summary>
    public bool IsFresh(DateTime? confirmedAt, DateTime utcNow) =>
        confirmedAt is { } at && at >= FreshSince(utcNow);

    public DateTime FreshSince(DateTime utcNow) => utcNow.AddDays(-FreshnessDays);
}
