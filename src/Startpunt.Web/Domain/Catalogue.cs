namespace Startpunt.Web.Domain;

/// <summary>A perceel: a lot of the region's tender.</summary>
public sealed class Lot
{
    public int Id { get; init; }
    public required string RegionId { get; init; }
    public required string Code { get; init; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public List<Product> Products { get; } = [];
}

/// <summary>What residents call a product; decides which search options and icons apply.</summary>
public enum ProductKind { Huishouden, Begeleiding, Dagbesteding, Logeren, Vervoer }

/// <summary>Where a product is delivered: at the client's home (within a service area), at a location, or as transport.</summary>
public enum Delivery { Home, Location, Transport }

public sealed class Product : ILastModified
{
    public int Id { get; init; }
    public required string RegionId { get; init; }
    public int LotId { get; set; }
    public Lot? Lot { get; set; }
    /// <summary>Slug, unique within the region; used in URLs.</summary>
    public required string Code { get; init; }
    public required string Name { get; set; }
    /// <summary>iWmo eenheid (WJ756), e.g. "16" dagdeel.</summary>
    public required string UnitCode { get; set; }
    /// <summary>iWmo productcategorie (WMO020), e.g. "07" dagbesteding.</summary>
    public required string CategoryCode { get; set; }
    /// <summary>The region's own product code where it has one (02A01).</summary>
    public string? ProductCode { get; set; }
    public ProductKind Kind { get; set; }
    public Delivery Delivery { get; set; }
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ProductLevel> Levels { get; } = [];
}

/// <summary>An intensity or category within a product: Waakvlam/Basis/Extra, A/B, OZL 1-3.</summary>
public sealed class ProductLevel : ILastModified
{
    public int Id { get; init; }
    public int ProductId { get; init; }
    public required string Code { get; init; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A doelgroep. Sectors (VVT, GGZ, GZ) have subgroups; cross-cutting groups have no sector.</summary>
public sealed class TargetGroup : ILastModified
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public string NameEn { get; set; } = "";
    /// <summary>The sector this group belongs to; null for sectors and cross-cutting groups.</summary>
    public string? SectorCode { get; set; }
    public bool IsSector { get; set; }
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A language professionals of an offer speak (ISO 639 code).</summary>
public sealed class Language
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
}
