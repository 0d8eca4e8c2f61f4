namespace Startpunt.Tests.Infrastructure;

/// <summary>A clock the test sets: demo content, freshness and reminders all read time through TimeProvider.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The moment every test factory starts at: Monday 16 November 2026, 09:00 Dutch time.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now = now;

    public FixedClock() : this(Start) { }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
