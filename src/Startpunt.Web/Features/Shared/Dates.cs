using System.Globalization;

namespace Startpunt.Web.Features.Shared;

/// <summary>Dates as a Dutch reader expects them: in Dutch time, whatever the server's zone.</summary>
public static class Dates
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime ToDutchTime(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A Dutch wall-clock time as UTC.</summary>
    public static DateTime FromDutchTime(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>"12 november 2026" (or "12 November 2026" in English).</summary>
    public static string Long(DateTime utc) => ToDutchTime(utc).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The machine-readable form for a &lt;time datetime&gt;.</summary>
    public static string Iso(DateTime utc) => ToDutchTime(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
