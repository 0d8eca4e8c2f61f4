namespace Startpunt.Web.Domain;

/// <summary>A care provider (zorgaanbieder).</summary>
public sealed class Provider : ILastModified
{
    public int Id { get; init; }
    /// <summary>The stable public identifier (open data, HSDS organization id); never reused, never changes.</summary>
    public Guid PublicId { get; init; } = Guid.NewGuid();
    public required string Name { get; set; }
    public string? KvkNumber { get; set; }
    public string? Website { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string Description { get; set; } = "";
    public bool IsDemo { get; set; }
    /// <summary>Set by the region's contract manager: the provider's offers are paused and its people cannot sign in.</summary>
    public DateTime? DeactivatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Location> Locations { get; } = [];
    public List<Offer> Offers { get; } = [];
    public List<Contract> Contracts { get; } = [];
}

/// <summary>An address where a provider works; coordinates are WGS84 degrees.</summary>
public sealed class Location : ILastModified
{
    public int Id { get; init; }
    /// <summary>The stable public identifier (open data, HSDS location id).</summary>
    public Guid PublicId { get; init; } = Guid.NewGuid();
    public int ProviderId { get; set; }
    public Provider? Provider { get; set; }
    public required string Name { get; set; }
    public required string Street { get; set; }
    public required string HouseNumber { get; set; }
    /// <summary>Full postcode as written, "1621 AB".</summary>
    public required string Postcode { get; set; }
    public required string Town { get; set; }
    public string? MunicipalityCode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Which products a provider may deliver in which municipalities, and when (raamovereenkomst).</summary>
public sealed class Contract
{
    public int Id { get; init; }
    public int ProviderId { get; set; }
    public Provider? Provider { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public List<ContractMunicipality> Municipalities { get; } = [];

    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || day <= EndDate);
}

public sealed class ContractMunicipality
{
    public int ContractId { get; init; }
    public required string MunicipalityCode { get; init; }
}

/// <summary>
/// An entity whose last change the open data reports (HSDS last_modified, modified_after). StartpuntDb sets
/// <see cref="UpdatedAt"/> on every save that adds it or changes one of its fields.
/// </summary>
public interface ILastModified
{
    DateTime UpdatedAt { get; set; }
}
