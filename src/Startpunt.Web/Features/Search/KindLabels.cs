using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Search;

public static class KindLabels
{
    /// <summary>The resident's word for a kind of product (a key of the shared texts).</summary>
    public static string Of(ProductKind kind) => kind switch
    {
        ProductKind.Huishouden => "Hulp in het huishouden",
        ProductKind.Begeleiding => "Begeleiding",
        ProductKind.Dagbesteding => "Dagbesteding",
        ProductKind.Logeren => "Logeren (kortdurend verblijf)",
        _ => "Vervoer",
    };
}
