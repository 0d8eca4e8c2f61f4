using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Geo;

namespace Startpunt.Web.Features.OpenData;

/// <summary>The query parameters of the HSDS list endpoints, checked. A bad value names its parameter (400).</summary>
public sealed record HsdsParameters
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 200;
    public const int MaxProximityMetres = 250_000;

    public int Page { get; init; } = 1;
    public int PerPage { get; init; } = DefaultPerPage;
    /// <summary>True when the asked per_page was larger than <see cref="MaxPerPage"/> and was capped.</summary>
    public bool PerPageCapped { get; init; }
    public string? Search { get; init; }
    public Guid? TaxonomyTermId { get; init; }
    public Guid? TaxonomyId { get; init; }
    public Guid? OrganizationId { get; init; }
    public Guid? ParentId { get; init; }
    public DateTime? ModifiedAfter { get; init; }
    public bool Full { get; init; }
    public bool FullService { get; init; }
    public bool TopOnly { get; init; }
    public (double Latitude, double Longitude, string Postcode)? Point { get; init; }
    public int? ProximityMetres { get; init; }
}

/// <summary>A parameter that is not right, with what is expected; the endpoint answers 400 problem+json naming it.</summary>
public sealed class BadParameterException(string parameter, string detail) : Exception(detail)
{
    public string Parameter { get; } = parameter;
}

public static class HsdsParameterParser
{
    /// <summary>Parameters that HSDS knows but only some endpoints support; elsewhere they are refused, not silently ignored.</summary>
    private static readonly string[] Scoped = ["postcode", "proximity", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "full", "full_service", "top_only", "parent_id"];

    public static async Task<HsdsParameters> ParseAsync(HttpRequest request, Microsoft.EntityFrameworkCore.DbContext? db, params string[] supported)
    {
        var q = request.Query;
        foreach (var key in q.Keys)
        {
            if (q[key].Count > 1) throw new BadParameterException(key, $"Parameter '{key}' is given more than once; give it once.");
            if (Scoped.Contains(key) && !supported.Contains(key))
                throw new BadParameterException(key, $"Parameter '{key}' is not supported on this endpoint. Supported here: page, per_page, search{string.Concat(supported.Select(s => ", " + s))}.");
        }
        string? Value(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;

        var format = Value("format");
        if (format is not null && format != "json") throw new BadParameterException("format", "Parameter 'format' supports only 'json'. For a whole region at once, use the exports on /open-data.");

        var page = Integer(Value("page"), "page", 1, int.MaxValue) ?? 1;
        var asked = Integer(Value("per_page"), "per_page", 1, int.MaxValue) ?? HsdsParameters.DefaultPerPage;
        var search = Value("search");
        if (search?.Length > 200) throw new BadParameterException("search", "Parameter 'search' has at most 200 characters.");

        var result = new HsdsParameters
        {
            Page = page,
            PerPage = Math.Min(asked, HsdsParameters.MaxPerPage),
            PerPageCapped = asked > HsdsParameters.MaxPerPage,
            Search = search,
            TaxonomyTermId = Uuid(Value("taxonomy_term_id"), "taxonomy_term_id"),
            TaxonomyId = Uuid(Value("taxonomy_id"), "taxonomy_id"),
            OrganizationId = Uuid(Value("organization_id"), "organization_id"),
            ParentId = Uuid(Value("parent_id"), "parent_id"),
            ModifiedAfter = DateTimeParameter(Value("modified_after"), "modified_after"),
            Full = Boolean(Value("full"), "full"),
            FullService = Boolean(Value("full_service"), "full_service"),
            TopOnly = Boolean(Value("top_only"), "top_only"),
            ProximityMetres = Integer(Value("proximity"), "proximity", 1, HsdsParameters.MaxProximityMetres),
        };
        if (Value("postcode") is { } postcode)
        {
            if (Postcode.TryParse(postcode, out var pc) != PostcodeProblem.None)
                throw new BadParameterException("postcode", "Parameter 'postcode' is a Dutch postcode: 4 digits, optionally followed by 2 letters (1621AB, 1621 AB or 1621).");
            var area = db is null ? null : await db.Set<PostcodeArea>().AsNoTracking().SingleOrDefaultAsync(p => p.Pc4 == pc.Pc4, request.HttpContext.RequestAborted);
            if (area is null) throw new BadParameterException("postcode", $"Parameter 'postcode': {pc} is not a known Dutch postcode.");
            result = result with { Point = (area.Latitude, area.Longitude, pc.ToString()) };
        }
        else if (result.ProximityMetres is not null)
        {
            throw new BadParameterException("proximity", "Parameter 'proximity' (metres) needs a 'postcode' to measure from.");
        }
        return result;
    }

    private static int? Integer(string? value, string name, int min, int max)
    {
        if (value is null) return null;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new BadParameterException(name, max == int.MaxValue
                ? $"Parameter '{name}' is a whole number of {min} or more."
                : $"Parameter '{name}' is a whole number from {min} to {max}.");
        return n;
    }

    private static Guid? Uuid(string? value, string name)
    {
        if (value is null) return null;
        return Guid.TryParseExact(value, "D", out var id) ? id : throw new BadParameterException(name, $"Parameter '{name}' is a UUID such as 3f7b145d-84af-42d7-8fae-eaca714b02b2.");
    }

    private static bool Boolean(string? value, string name) => value?.ToLowerInvariant() switch
    {
        null => false,
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new BadParameterException(name, $"Parameter '{name}' is true or false."),
    };

    /// <summary>ISO 8601: a date (2026-11-16, midnight UTC) or a date and time; without an offset the time is UTC.</summary>
    private static DateTime? DateTimeParameter(string? value, string name)
    {
        if (value is null) return null;
        value = value.Replace(' ', '+'); // a "+" in an offset that was not escaped in the query string arrives as a space
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm"];
        if (DateTimeOffset.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at.UtcDateTime;
        throw new BadParameterException(name, $"Parameter '{name}' is an ISO 8601 date or date-time, such as 2026-11-16 or 2026-11-16T09:00:00Z.");
    }
}
