namespace Startpunt.Web.Features.OpenData;

// The HSDS 3.1 objects as the API writes them (snake_case, nulls left out). Field names and meanings follow
// ../shared/data/hsds-3.1/*.json; foreign keys (service_id, location_id ...) are always filled, so the same objects
// also make the rows of the tabular (CSV) export.

public sealed record HsdsPage<T>(int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

public sealed record HsdsIndex(string Version, string Profile, string OpenapiUrl, string Documentation, IReadOnlyList<HsdsIndexRegion> Regions);

public sealed record HsdsIndexRegion(string Id, string Name, Guid TaxonomyTermId, string Services, string ExportJson, string ExportCsv, string Embed);

public sealed record HsdsService
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Name { get; init; }
    public string? AlternateName { get; init; }
    public required string Description { get; init; }
    public string? Url { get; init; }
    public string? Email { get; init; }
    public required string Status { get; init; }
    public string? ApplicationProcess { get; init; }
    public string? EligibilityDescription { get; init; }
    public string? AssuredDate { get; init; }
    public required string LastModified { get; init; }
    public IReadOnlyList<HsdsSchedule>? Schedules { get; init; }
    public IReadOnlyList<HsdsServiceArea>? ServiceAreas { get; init; }
    public IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations { get; init; }
    public IReadOnlyList<HsdsLanguage>? Languages { get; init; }
    public HsdsOrganization? Organization { get; init; }
    public IReadOnlyList<HsdsCapacity>? Capacities { get; init; }
    public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}

public sealed record HsdsOrganization
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public IReadOnlyList<HsdsPhone>? Phones { get; init; }
    public IReadOnlyList<HsdsLocation>? Locations { get; init; }
    public IReadOnlyList<HsdsOrganizationIdentifier>? OrganizationIdentifiers { get; init; }
    public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
    public IReadOnlyList<HsdsService>? Services { get; init; }
}

public sealed record HsdsOrganizationIdentifier(Guid Id, Guid OrganizationId, string IdentifierScheme, string IdentifierType, string Identifier);

public sealed record HsdsPhone(Guid Id, Guid? OrganizationId, string Number, string Type)
{
    public Guid? LocationId { get; init; }
}

public sealed record HsdsAccessibility(Guid Id, Guid LocationId, string Description, string? Details);

public sealed record HsdsLocation
{
    public required Guid Id { get; init; }
    public string LocationType { get; init; } = "physical";
    public required Guid OrganizationId { get; init; }
    public required string Name { get; init; }
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public string? Transportation { get; init; }
    public IReadOnlyList<HsdsAddress>? Addresses { get; init; }
    public IReadOnlyList<HsdsPhone>? Phones { get; init; }
    public IReadOnlyList<HsdsSchedule>? Schedules { get; init; }
    public IReadOnlyList<HsdsAccessibility>? Accessibility { get; init; }
    public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}

public sealed record HsdsAddress(
    Guid Id, Guid LocationId, [property: System.Text.Json.Serialization.JsonPropertyName("address_1")] string Address1, string City, string? Region, string StateProvince, string PostalCode, string Country, string AddressType);

public sealed record HsdsServiceAtLocation
{
    public required Guid Id { get; init; }
    public required Guid ServiceId { get; init; }
    public required Guid LocationId { get; init; }
    public string? Description { get; init; }
    public HsdsLocation? Location { get; init; }
    public HsdsService? Service { get; init; }
    /// <summary>Startpunt extension: metres from the centroid of the asked postcode (only with ?postcode=).</summary>
    public int? Distance { get; init; }
}

public sealed record HsdsServiceArea(Guid Id, Guid ServiceId, string Name, string Description);

/// <summary>An offer's days (service_id) or a location's opening hours (location_id, with opens_at and closes_at as HH:MM).</summary>
public sealed record HsdsSchedule(Guid Id, Guid? ServiceId, string? Freq, string Wkst, string? Byday, string? Description)
{
    public Guid? LocationId { get; init; }
    public string? OpensAt { get; init; }
    public string? ClosesAt { get; init; }
}

public sealed record HsdsLanguage(Guid Id, Guid ServiceId, string Name, string Code);

public sealed record HsdsCapacity(Guid Id, Guid ServiceId, Guid UnitId, HsdsUnit Unit, int Available, string Description, string Updated);

public sealed record HsdsUnit(Guid Id, string Name, string Scheme, string Identifier);

public sealed record HsdsAttribute(
    Guid Id, Guid LinkId, string LinkType, string LinkEntity, Guid TaxonomyTermId, HsdsTaxonomyTerm? TaxonomyTerm, string? Value, string? Label);

public sealed record HsdsTaxonomy(Guid Id, string Name, string Description, string? Uri, string? Version);

public sealed record HsdsTaxonomyTerm
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public Guid? ParentId { get; init; }
    public required string Taxonomy { get; init; }
    public HsdsTaxonomy? TaxonomyDetail { get; init; }
    public string Language { get; init; } = "nl";
    public required Guid TaxonomyId { get; init; }
    public string? TermUri { get; init; }
}

public sealed record HsdsMetadata(
    Guid Id, Guid ResourceId, string ResourceType, string LastActionDate, string LastActionType, string FieldName,
    string PreviousValue, string ReplacementValue, string UpdatedBy);
