using System.Globalization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Features.OpenData;
using Startpunt.Web.Features.Pages;

namespace Startpunt.Web;

public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("nl-NL"), new("en-GB")];

    public static WebApplicationBuilder AddStartpuntWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        builder.Services.AddSingleton<IStringLocalizerFactory, Features.Shared.CachedTextsFactory>();
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Only the visitor's own choice counts (cookie or ?lang=); the browser's language does not switch the portal silently.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
            ];
        });
        builder.Services.AddProblemDetails();
        // Product names in residents' words (content/), for the result cards and the offer page.
        builder.Services.AddSingleton<Features.Shared.ResidentWords>();
        // Pages, JSON and CSV compressed (Brotli, else gzip; the fastest level, as a page must cost little CPU) for
        // anonymous visitors only: a signed-in page carries secrets beside what a person typed, which compression would
        // expose to a BREACH-style attack.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes
                .Concat(["application/problem+json", "text/csv", "image/svg+xml"]);
        });
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        if (builder.Environment.IsProduction())
        {
            // A forged Host header is refused (400) in production: AllowedHosts "*" becomes the public address's host,
            // plus the loopback names the container's health check uses.
            builder.Services.PostConfigure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o =>
            {
                if (o.AllowedHosts.Any(h => h != "*")) return;
                if (!Uri.TryCreate(builder.Configuration["Installation:PublicBaseUrl"]?.Trim(), UriKind.Absolute, out var address)) return;
                o.AllowedHosts = [address.Host, "localhost", "127.0.0.1"];
            });
        }
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Behind a reverse proxy: trust X-Forwarded-* only from the configured networks/proxies (default: loopback).
            var networks = builder.Configuration["ForwardedHeaders:KnownNetworks"];
            var proxies = builder.Configuration["ForwardedHeaders:KnownProxies"];
            if (!string.IsNullOrWhiteSpace(networks) || !string.IsNullOrWhiteSpace(proxies))
            {
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
                foreach (var n in (networks ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries)) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
                foreach (var p in (proxies ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries)) o.KnownProxies.Add(System.Net.IPAddress.Parse(p));
            }
            if (int.TryParse(builder.Configuration["ForwardedHeaders:ForwardLimit"], out var limit)) o.ForwardLimit = limit;
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // A public address on https makes every cookie Secure, whatever a proxy forwards; without one (Development,
        // tests on http) cookies follow the request.
        var secure = Uri.TryCreate(builder.Configuration["Installation:PublicBaseUrl"], UriKind.Absolute, out var publicUrl) && publicUrl.Scheme == "https"
            ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = secure);
        return builder;
    }

    public static WebApplication UseStartpuntWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fout");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.Use(SecurityHeaders);
        app.UseCookiePolicy();
        // Scripts and styles: compressed like pages (they hold no secrets), and cached for a year when the page links
        // them with their content hash (asp-append-version adds ?v=…, so a new version is a new URL).
        app.UseWhen(c => c.Request.Path.Value is { } path && (path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".css", StringComparison.Ordinal)),
            files => files.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                if (file.Context.Request.Query.ContainsKey("v")) file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            },
        });
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseWhen(c => c.User.Identity?.IsAuthenticated != true, anonymous => anonymous.UseResponseCompression());
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapOpenData();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        // Readiness, for the proxy and compose: the database answers (and, with the in-process search, its index is loaded).
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable, [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous();
        // Liveness only (the process answers): no checks, so also the ceiling the page-level benchmark compares with.
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapLanguageSwitch();
        return app;
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var h = context.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "strict-origin-when-cross-origin";
        h.XFrameOptions = "DENY";
        h.ContentSecurityPolicy = ContentSecurityPolicy("'none'", context.RequestServices.GetRequiredService<Features.Maps.MapTiles>());
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        return next();
    }

    /// <summary>
    /// The portal's CSP; only the embedded search (/embed) lets other sites frame it, per region. Images come from the
    /// portal itself, plus the map tiles' host when Map:TileUrl names one (and no other host at all without it).
    /// </summary>
    public static string ContentSecurityPolicy(string frameAncestors, Features.Maps.MapTiles tiles) =>
        $"default-src 'self'; img-src 'self' data:{(tiles.ImageSource is { } tileHost ? " " + tileHost : "")}; " +
        $"script-src 'self'; style-src 'self'; frame-ancestors {frameAncestors}; base-uri 'self'; form-action 'self'";
}

/// <summary>/health as JSON: the overall status and, per check, its status and a description an operator can act on.</summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        // Anonymous callers (load balancers, monitoring) learn the status only; the details are for administrators.
        if (!context.User.IsInRole(Domain.Roles.Administrator))
            return context.Response.WriteAsJsonAsync(new { status = report.Status.ToString() });
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        });
    }
}

/// <summary>Marker for the shared UI texts (Resources/SharedResource.en.resx). Dutch is the key and the default.</summary>
public sealed class SharedResource;
