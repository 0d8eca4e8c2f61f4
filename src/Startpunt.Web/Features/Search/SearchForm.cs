namespace Startpunt.Web.Features.Search;

/// <summary>The resident's search as it stands in the URL; every field is optional text until validated.</summary>
public sealed class SearchForm
{
    public static readonly int[] Distances = [5, 10, 25, 50];
    public const int DefaultDistance = 10;
    public const int TextMaxLength = 100;

    public string? Postcode { get; set; }
    public string? Distance { get; set; }
    public string? Product { get; set; }
    public string? TargetGroup { get; set; }
    public string? Text { get; set; }
    public string? StartWithin { get; set; }
    public string? Transport { get; set; }
    public string? Language { get; set; }
    public string? Sort { get; set; }
    public string? Page { get; set; }
    /// <summary>Only on /embed: the region whose website shows the search (its frame-ancestors).</summary>
    public string? Region { get; set; }

    /// <summary>Each field's name in the URL, in the order links write them.</summary>
    private static readonly (string Key, Func<SearchForm, string?> Get, Action<SearchForm, string?> Set)[] Fields =
    [
        ("postcode", f => f.Postcode, (f, v) => f.Postcode = v), ("afstand", f => f.Distance, (f, v) => f.Distance = v),
        ("product", f => f.Product, (f, v) => f.Product = v), ("doelgroep", f => f.TargetGroup, (f, v) => f.TargetGroup = v),
        ("q", f => f.Text, (f, v) => f.Text = v), ("binnen", f => f.StartWithin, (f, v) => f.StartWithin = v),
        ("vervoer", f => f.Transport, (f, v) => f.Transport = v), ("taal", f => f.Language, (f, v) => f.Language = v),
        ("sorteer", f => f.Sort, (f, v) => f.Sort = v), ("pagina", f => f.Page, (f, v) => f.Page = v), ("regio", f => f.Region, (f, v) => f.Region = v),
    ];

    /// <summary>
    /// The search as the URL has it: a key's first value, blank as none (as model binding read it). Read by hand: eleven
    /// strings through MVC's complex-object binder took about 3 % of a results page's CPU.
    /// </summary>
    public static SearchForm Read(IQueryCollection query)
    {
        var form = new SearchForm();
        foreach (var (key, _, set) in Fields)
        {
            if (query.TryGetValue(key, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[0])) set(form, values[0]);
        }
        return form;
    }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Postcode) && string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Product);

    /// <summary>The query string for this search with some values changed (null removes a key); used by paging, sorting and suggestions.</summary>
    public string ToQueryString(IReadOnlyDictionary<string, string?>? changes = null)
    {
        var kept = new List<KeyValuePair<string, string?>>(Fields.Length);
        foreach (var (key, get, _) in Fields)
        {
            var v = changes is not null && changes.TryGetValue(key, out var changed) ? changed : get(this);
            if (!string.IsNullOrWhiteSpace(v)) kept.Add(new(key, v));
        }
        if (changes is not null)
        {
            foreach (var (key, value) in changes)
            {
                if (!string.IsNullOrWhiteSpace(value) && !IsField(key)) kept.Add(new(key, value));
            }
        }
        return Microsoft.AspNetCore.Http.QueryString.Create(kept).ToUriComponent();
    }

    private static bool IsField(string key)
    {
        foreach (var field in Fields)
        {
            if (field.Key == key) return true;
        }
        return false;
    }
}
