using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Search;

public static class KindLabels
{
    /// <summary>
    /// Vervoer is no offer of its own: residents who look for it find the day activities that include transport
    /// (<see cref="Startpunt.Web.Domain.Transport"/>), which is how providers offer it.
    /// </summary>
    public static bool IsTransport(string? product) => string.Equals(product, nameof(ProductKind.Vervoer), StringComparison.OrdinalIgnoreCase);

    /// <summary>The resident's word for a kind of product (a key of the shared texts).</summary>
    public static string Of(ProductKind kind) => kind switch
    {
        ProductKind.Huishouden => "Hulp in het huishouden",
        ProductKind.Begeleiding => "Begeleiding",
        ProductKind.Dagbesteding => "Dagbesteding",
        ProductKind.Logeren => "Logeren (kortdurend verblijf)",
        _ => "Vervoer naar de dagbesteding",
    };
}
