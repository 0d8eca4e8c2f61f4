namespace Startpunt.Web.Domain;

/// <summary>How often a provider confirms its waiting times: the contract asks for every week.</summary>
public static class Confirmation
{
    /// <summary>Offers not confirmed for this long get a reminder and stand out on the weekly update page.</summary>
    public const int ReminderDays = 7;

    /// <summary>Confirmed longer ago than the reminder period, or never.</summary>
    public static bool IsOverdue(DateTime? confirmedAt, DateTime utcNow) => confirmedAt is not { } at || at < OverdueBefore(utcNow);

    public static DateTime OverdueBefore(DateTime utcNow) => utcNow.AddDays(-ReminderDays);
}
