using Microsoft.Net.Http.Headers;

namespace Startpunt.Web.Features.OpenData;

/// <summary>/open-data/{regio}/hsds.json and hsds-csv.zip: a whole region, with ETag and Last-Modified, CORS open.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapOpenDataExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/open-data").RequireCors(OpenDataSetup.CorsPolicy).RequireRateLimiting(OpenDataSetup.RateLimitPolicy);
        string[] getHead = [HttpMethods.Get, HttpMethods.Head];
        group.MapMethods("/{regio}/hsds.json", getHead, (string regio, HttpContext http, RegionExports exports, CancellationToken ct) =>
            SendAsync(regio, http, exports, e => (e.Json, e.JsonETag), "application/json; charset=utf-8", $"startpunt-{regio}-hsds.json", ct));
        group.MapMethods("/{regio}/hsds-csv.zip", getHead, (string regio, HttpContext http, RegionExports exports, CancellationToken ct) =>
            SendAsync(regio, http, exports, e => (e.Zip, e.ZipETag), "application/zip", $"startpunt-{regio}-hsds-csv.zip", ct));
        return app;
    }

    private static async Task<IResult> SendAsync(string regio, HttpContext http, RegionExports exports,
        Func<RegionExport, (byte[] Bytes, string ETag)> pick, string contentType, string fileName, CancellationToken ct)
    {
        var export = await exports.GetAsync(regio, HsdsEndpoints.BaseUrl(http.Request), ct);
        if (export is null) return HsdsProblems.NotFound($"There is no region '{regio}'. The regions are listed on /open-data and in {HsdsEndpoints.Prefix}.");
        var (bytes, etag) = pick(export);
        var lastModified = new DateTimeOffset(DateTime.SpecifyKind(export.GeneratedAt, DateTimeKind.Utc));
        var headers = http.Response.GetTypedHeaders();
        http.Response.Headers.ETag = etag;
        headers.LastModified = lastModified;
        http.Response.Headers.CacheControl = "public, no-cache";
        if (Conditional.NoneMatch(http.Request, etag) || Conditional.NotModifiedSince(http.Request, lastModified))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        return Results.Bytes(bytes, contentType);
    }
}
