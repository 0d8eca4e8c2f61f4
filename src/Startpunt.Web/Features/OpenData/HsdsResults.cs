using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;

namespace Startpunt.Web.Features.OpenData;

/// <summary>How the open data is written: HSDS's snake_case names, no nulls, UTF-8 as is.</summary>
public static class HsdsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>
/// A JSON response with a strong ETag (a hash of the exact bytes): a consumer that sends it back in If-None-Match
/// gets 304 Not Modified without a body while nothing changed. The ETag covers derived values (the stoplight) too,
/// which is why the API gives no Last-Modified: time alone can change a stoplight.
/// </summary>
public sealed class HsdsResult(object value, IReadOnlyDictionary<string, string>? headers = null) : IResult
{
    public object Value => value;

    public async Task ExecuteAsync(HttpContext http)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), HsdsJson.Options);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"";
        var response = http.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "public, no-cache";
        if (headers is not null) foreach (var (k, v) in headers) response.Headers[k] = v;
        if (Conditional.NoneMatch(http.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, http.RequestAborted);
    }
}

public static class Conditional
{
    /// <summary>If-None-Match names this ETag (or "*"): weak comparison, as RFC 9110 asks for GET.</summary>
    public static bool NoneMatch(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParseList(header, out var tags)) return false;
        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>If-Modified-Since is at or after <paramref name="lastModified"/> (only used when there is no If-None-Match).</summary>
    public static bool NotModifiedSince(HttpRequest request, DateTimeOffset lastModified) =>
        request.Headers.IfNoneMatch.Count == 0
        && request.GetTypedHeaders().IfModifiedSince is { } since
        && lastModified.AddTicks(-(lastModified.Ticks % TimeSpan.TicksPerSecond)) <= since;
}

/// <summary>The API's errors as RFC 9457 problem+json.</summary>
public static class HsdsProblems
{
    public static IResult BadParameter(string parameter, string detail) => Results.Problem(
        detail: detail, statusCode: StatusCodes.Status400BadRequest, title: $"Bad parameter '{parameter}'",
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter, ["errors"] = new Dictionary<string, string[]> { [parameter] = [detail] } });

    public static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
