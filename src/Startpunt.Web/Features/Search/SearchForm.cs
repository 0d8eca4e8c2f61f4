using Microsoft.AspNetCore.Mvc;

namespace Startpunt.Web.Features.Search;

/// <summary>The resident's search as it stands in the URL; every field is optional text until validated.</summary>
public sealed class SearchForm
{
    public static readonly int[] Distances = [5, 10, 25, 50];
    public const int DefaultDistance = 10;
    public const int TextMaxLength = 100;

    [FromQuery(Name = "postcode")] public string? Postcode { get; set; }
    [FromQuery(Name = "afstand")] public string? Distance { get; set; }
    [FromQuery(Name = "product")] public string? Product { get; set; }
    [FromQuery(Name = "doelgroep")] public string? TargetGroup { get; set; }
    [FromQuery(Name = "q")] public string? Text { get; set; }
    [FromQuery(Name = "binnen")] public string? StartWithin { get; set; }
    [FromQuery(Name = "vervoer")] public string? Transport { get; set; }
    [FromQuery(Name = "taal")] public string? Language { get; set; }
    [FromQuery(Name = "sorteer")] public string? Sort { get; set; }
    [FromQuery(Name = "pagina")] public string? Page { get; set; }
    /// <summary>Only on /embed: the region whose website shows the search (its frame-ancestors).</summary>
    [FromQuery(Name = "regio")] public string? Region { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Postcode) && string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Product);

    /// <summary>The query string for this search with some values changed (null removes a key); used by paging, sorting and suggestions.</summary>
    public string ToQueryString(IReadOnlyDictionary<string, string?>? changes = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["postcode"] = Postcode, ["afstand"] = Distance, ["product"] = Product, ["doelgroep"] = TargetGroup,
            ["q"] = Text, ["binnen"] = StartWithin, ["vervoer"] = Transport, ["taal"] = Language, ["sorteer"] = Sort, ["pagina"] = Page,
            ["regio"] = Region,
        };
        if (changes is not null) foreach (var (k, v) in changes) values[k] = v;
        return Microsoft.AspNetCore.Http.QueryString.Create(values.Where(kv => !string.IsNullOrWhiteSpace(kv.Value))).ToUriComponent();
    }
}
