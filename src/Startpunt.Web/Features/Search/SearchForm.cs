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
        ReadOnlySpan<KeyValuePair<string, string?>> values =
        [
            new("postcode", Postcode), new("afstand", Distance), new("product", Product), new("doelgroep", TargetGroup), new("q", Text),
            new("binnen", StartWithin), new("vervoer", Transport), new("taal", Language), new("sorteer", Sort), new("pagina", Page), new("regio", Region),
        ];
        var kept = new List<KeyValuePair<string, string?>>(values.Length);
        foreach (var (key, value) in values)
        {
            var v = changes is not null && changes.TryGetValue(key, out var changed) ? changed : value;
            if (!string.IsNullOrWhiteSpace(v)) kept.Add(new(key, v));
        }
        if (changes is not null)
        {
            foreach (var (key, value) in changes)
            {
                if (!string.IsNullOrWhiteSpace(value) && !Contains(values, key)) kept.Add(new(key, value));
            }
        }
        return Microsoft.AspNetCore.Http.QueryString.Create(kept).ToUriComponent();
    }

    private static bool Contains(ReadOnlySpan<KeyValuePair<string, string?>> values, string key)
    {
        foreach (var kv in values)
        {
            if (kv.Key == key) return true;
        }
        return false;
    }
}
