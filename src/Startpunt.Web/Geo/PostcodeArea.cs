namespace Startpunt.Web.Geo;

/// <summary>A four-digit postcode area (PC4) with a representative point, imported from the open data in shared/data.</summary>
public sealed class PostcodeArea
{
    public int Pc4 { get; init; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public required string Place { get; set; }
    public string? MunicipalityCode { get; set; }
}
