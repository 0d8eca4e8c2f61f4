namespace Startpunt.Web.Domain;

/// <summary>
/// One change, append-only: who changed what and when, with every field's old and new value. Written by the
/// DbContext on every save, never edited or deleted (the database refuses that too).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    /// <summary>"Offer", "Provider", "Location", "Contract"; "Product", "ProductLevel", "Lot" for the catalogue.</summary>
    public required string EntityType { get; init; }
    public int EntityId { get; init; }
    /// <summary>The organisation the entity belongs to, so that a provider sees only its own history.</summary>
    public int? ProviderId { get; init; }
    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }
    public DateTime At { get; init; }
    public string? UserId { get; init; }
    public required string UserName { get; init; }
    /// <summary>JSON array of { field, old, new }.</summary>
    public string Changes { get; init; } = "[]";
}

public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>A reminder mail sent to an organisation about offers that were not confirmed in time.</summary>
public sealed class Reminder
{
    public int Id { get; init; }
    public int ProviderId { get; init; }
    public DateTime SentAt { get; init; }
    public int OfferCount { get; init; }
    /// <summary>Who asked for it: null when the daily job sent it.</summary>
    public string? SentBy { get; init; }
}

public static class AuditActions
{
    public const string Created = "aangemaakt";
    public const string Updated = "gewijzigd";
    public const string Confirmed = "bevestigd";
    public const string Paused = "gepauzeerd";
    public const string Resumed = "hervat";
    public const string Removed = "verwijderd";
    public const string Ended = "beëindigd";
    public const string Deactivated = "gedeactiveerd";
    public const string Activated = "weer actief";

    public static readonly IReadOnlyList<string> All = [Created, Updated, Confirmed, Paused, Resumed, Removed, Ended, Deactivated, Activated];
}
