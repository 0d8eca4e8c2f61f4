namespace Startpunt.Web.Domain;

public enum Transport { None, Yes, WithWheelchair }

[Flags]
public enum Weekdays
{
    None = 0, Monday = 1, Tuesday = 2, Wednesday = 4, Thursday = 8, Friday = 16, Saturday = 32, Sunday = 64,
}

/// <summary>An aanbod: one provider, one product (and level), for some target groups, at a location or in a service area.</summary>
public sealed class Offer
{
    public const int DescriptionMaxLength = 2000;
    public const int PausedReasonMaxLength = 500;

    public int Id { get; init; }
    /// <summary>The stable public identifier (open data, HSDS service id).</summary>
    public Guid PublicId { get; init; } = Guid.NewGuid();
    public int ProviderId { get; set; }
    public Provider? Provider { get; set; }
    public required string RegionId { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int? ProductLevelId { get; set; }
    public ProductLevel? ProductLevel { get; set; }
    /// <summary>Where the offer takes place; null for help at home, which has a service area instead.</summary>
    public int? LocationId { get; set; }
    public Location? Location { get; set; }
    public string Description { get; set; } = "";
    public Weekdays Days { get; set; }
    /// <summary>Dagdelen in words, e.g. "ochtend en middag".</summary>
    public string? DayParts { get; set; }
    public Transport Transport { get; set; }
    public bool Paused { get; set; }
    public string? PausedReason { get; set; }
    /// <summary>Paused by a deactivation of the provider in this region: only undoing that deactivation shows it again.</summary>
    public bool PausedByDeactivation { get; set; }
    /// <summary>Removed offers stay for their history, hidden everywhere else.</summary>
    public DateTime? RemovedAt { get; set; }
    public Availability Availability { get; set; } = new();
    /// <summary>Denormalised text for full-text search (provider, product, level, town, description).</summary>
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: bumped on every change.</summary>
    public int Version { get; set; }

    public List<OfferTargetGroup> TargetGroups { get; } = [];
    public List<OfferLanguage> Languages { get; } = [];
    /// <summary>For help at home: the municipalities the provider comes to.</summary>
    public List<OfferMunicipality> ServiceArea { get; } = [];

    public void RefreshSearchText()
    {
        var parts = new[]
        {
            Provider?.Name, Product?.Name, ProductLevel?.Name, Location?.Town, Location?.Name, Description,
        };
        SearchText = string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}

/// <summary>The provider's own statement of how soon a new client can start.</summary>
public sealed class Availability
{
    public const int MaxWaitingWeeks = 104;

    public bool IntakeOpen { get; set; } = true;
    /// <summary>Expected weeks from registration (aanmelding) to start.</summary>
    public int WaitingWeeks { get; set; }
    public int? FreePlaces { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
}

public sealed class OfferTargetGroup
{
    public int OfferId { get; init; }
    public required string TargetGroupCode { get; init; }
}

public sealed class OfferLanguage
{
    public int OfferId { get; init; }
    public required string LanguageCode { get; init; }
}

public sealed class OfferMunicipality
{
    public int OfferId { get; init; }
    public required string MunicipalityCode { get; init; }
}
