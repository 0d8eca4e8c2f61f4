using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Startpunt.Web.Features.OpenData;

public sealed class OpenDataOptions
{
    /// <summary>Requests to the API and the exports per client address per minute; then 429 with Retry-After.</summary>
    public int RequestsPerMinute { get; set; } = 300;
}

/// <summary>Open data in one place: the HSDS API, the region exports and the /open-data page, with their CORS and rate limit.</summary>
public static class OpenDataSetup
{
    public const string CorsPolicy = "open-data";
    public const string RateLimitPolicy = "open-data";

    public static WebApplicationBuilder AddStartpuntOpenData(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OpenDataOptions>(builder.Configuration.GetSection("OpenData"));
        builder.Services.AddSingleton<IwmoCodes>();
        builder.Services.AddScoped<HsdsData>();
        builder.Services.AddSingleton<RegionExports>();
        // Open data is for everyone: any site may read it with GET, and send back the validators it got.
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithHeaders("If-None-Match", "If-Modified-Since")
            .WithExposedHeaders("ETag", "Last-Modified", "Link", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(24))));
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, http =>
            {
                var limit = http.RequestServices.GetRequiredService<IOptions<OpenDataOptions>>().Value.RequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            var other = o.OnRejected;
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != RateLimitPolicy)
                {
                    // Other limits (sign-in) show the HTML error page through the status code pages.
                    if (other is not null) await other(context, ct);
                    return;
                }
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
                var limit = http.RequestServices.GetRequiredService<IOptions<OpenDataOptions>>().Value.RequestsPerMinute;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    detail: $"At most {limit} requests per minute per client. Try again in {seconds} seconds.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    extensions: new Dictionary<string, object?> { ["retry_after"] = seconds }).ExecuteAsync(http);
            };
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        app.MapHsdsApi();
        app.MapOpenDataExports();
        return app;
    }
}

/// <summary>The OpenAPI document of the API: hand-written from HSDS 3.1's openapi.json, adapted to these endpoints.</summary>
public static class OpenApi
{
    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = typeof(OpenApi).Assembly.GetManifestResourceStream("Startpunt.Web.Features.OpenData.openapi.json")
                           ?? throw new InvalidOperationException("openapi.json is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IResult Serve(HttpContext http)
    {
        var doc = JsonNode.Parse(Document.Value)!;
        doc["servers"] = new JsonArray(new JsonObject { ["url"] = HsdsEndpoints.BaseUrl(http.Request) + HsdsEndpoints.Prefix });
        return new HsdsResult(doc);
    }
}
