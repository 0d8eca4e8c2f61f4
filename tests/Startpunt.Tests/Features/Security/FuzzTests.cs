using System.Net;
using System.Reflection;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Startpunt.Tests.Features.Security;

/// <summary>
/// Hostile input on every page the app maps, from its own endpoint list: each query parameter a page knows (its forms,
/// its links, its bound properties, the API's OpenAPI description), each route value, and each field of each form a
/// page posts (signed in with the role the area is for, with a valid antiforgery token) gets a fixed list of bad values
/// one at a time. No answer may be a 5xx. Deterministic: the same values in the same order on every run.
/// </summary>
public sealed class FuzzTests(FuzzTests.Factory app, ITestOutputHelper output) : IClassFixture<FuzzTests.Factory>
{
    public sealed class Factory : StartpuntFactory;

    /// <summary>Values as a person or a script could send them (decoded; the query string escapes them).</summary>
    private static readonly string[] Hostile =
    [
        new string('x', 5000), "a\u0000b\u0001\u001b\r\n", "-1", "99999999999999999999", "abc", "<script>alert(1)</script>", "\u202Etxt.exe",
        "9999-99-99", "1000",
    ];

    /// <summary>Raw (already escaped) query values: a NUL byte and invalid UTF-8.</summary>
    private static readonly string[] RawQuery = ["%00", "%C0%AE"];

    /// <summary>Who opens each area (the first role that may, as in <see cref="EndpointMatrixTests"/>).</summary>
    private static readonly (string Prefix, string? Email)[] Areas =
    [
        ("aanbieder", DemoData.ProviderEmail), ("regio", DemoData.ContractManagerEmail), ("consulent", DemoData.ConsultantEmail),
        ("beheer", DemoData.AdministratorEmail), ("account/inloggen", null), ("account/tweestaps", null), ("account/uitnodiging", null),
        ("account/nieuw-wachtwoord", null), ("account/wachtwoord-vergeten", null), ("account/e-mailadres-bevestigen", null),
        ("account/uitloggen", null), ("account/geen-toegang", null), ("account", DemoData.ProviderEmail),
    ];

    /// <summary>Forms that end the session they are posted in: posting them would stop the rest of the run.</summary>
    private static bool EndsSession(string action) =>
        action.StartsWith("/account/uitloggen", StringComparison.Ordinal) || action.Contains("handler=SignOutEverywhere", StringComparison.OrdinalIgnoreCase);

    private readonly List<string> _failures = [];
    /// <summary>Another organisation's provider and offer id, for every field or key that holds an id.</summary>
    private string[] _foreignIds = [];

    private IEnumerable<string> ValuesFor(string name) =>
        name.EndsWith("id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("aanbod", StringComparison.Ordinal) ? Hostile.Concat(_foreignIds) : Hostile;
    private int _requests;

    [Fact]
    public async Task No_hostile_value_in_any_query_parameter_route_value_or_form_field_gives_a_server_error()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var clients = new Dictionary<string, HttpClient> { [""] = app.Browser() };
        foreach (var email in Areas.Select(a => a.Email).OfType<string>().Distinct()) clients[email] = await app.SignedInAsync(email);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var otherProviderId = await app.OrganisationOfAsync(DemoData.OtherProviderEmail);
        var offer = await app.FirstOfferAsync(providerId);
        var otherOffer = await app.FirstOfferAsync(otherProviderId);
        _foreignIds = [otherProviderId.ToString(), otherOffer.Id.ToString()];
        output.WriteLine($"app started and signed in after {started.Elapsed.TotalSeconds:0} s");
        started.Restart();
        var routeValues = new Dictionary<string, string>
        {
            ["providerId"] = providerId.ToString(), ["offerId"] = offer.Id.ToString(), ["id"] = offer.Id.ToString(), ["locationId"] = "",
            ["token"] = "onbekend", ["culture"] = "en-GB", ["regio"] = "westfriesland", ["name"] = "privacy", ["code"] = "404", ["userId"] = "onbekend",
        };
        // Ids of another organisation, where an id of one's own is expected.
        var foreignValues = new Dictionary<string, string>
        {
            ["providerId"] = otherProviderId.ToString(), ["offerId"] = otherOffer.Id.ToString(), ["id"] = otherOffer.Id.ToString(), ["locationId"] = otherOffer.LocationId?.ToString() ?? "1",
        };

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null && !e.RoutePattern.RawText.StartsWith("health", StringComparison.Ordinal))
            .GroupBy(e => e.RoutePattern.RawText!.Trim('/')).Select(g => g.First()).OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal).ToList();
        var apiParameters = ApiQueryParameters();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText!.Trim('/');
            var email = Areas.FirstOrDefault(a => pattern == a.Prefix || pattern.StartsWith(a.Prefix + "/", StringComparison.Ordinal)).Email;
            var client = clients[email ?? ""];
            var url = Url(endpoint.RoutePattern, routeValues);

            // Route values: hostile, and another organisation's ids.
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                // A NUL byte in the path never reaches the app: Kestrel answers 400 itself (and the test server refuses to send it).
                foreach (var value in Hostile.Where(v => !v.Contains('\0', StringComparison.Ordinal)).Append(foreignValues.GetValueOrDefault(parameter.Name, "1")))
                    await CheckAsync(client, HttpMethod.Get, Url(endpoint.RoutePattern, new(routeValues) { [parameter.Name] = Uri.EscapeDataString(value) }));
            }

            var page = await CheckAsync(client, HttpMethod.Get, url);
            var document = page is { } html ? Html.Parse(html) : null;
            var keys = new SortedSet<string>(StringComparer.Ordinal) { "handler" };
            if (pattern.StartsWith("api/hsds", StringComparison.Ordinal)) keys.UnionWith(apiParameters.GetValueOrDefault("/" + pattern["api/hsds".Length..].TrimStart('/'), []));
            keys.UnionWith(BoundQueryNames(endpoint));
            if (document is not null) keys.UnionWith(QueryNamesOnPage(document, url));
            // A GET changes nothing (EndpointMatrixTests), so these may run side by side.
            var gets = keys.SelectMany(key => ValuesFor(key).Select(Uri.EscapeDataString).Concat(RawQuery).Select(value => $"{url}?{Uri.EscapeDataString(key)}={value}"));
            await Parallel.ForEachAsync(gets, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (get, _) => await CheckAsync(client, HttpMethod.Get, get));
            if (document is not null) await PostFormsAsync(client, document, url);
            output.WriteLine($"{started.Elapsed.TotalSeconds,5:0.0} s {_requests,6} {pattern}");
        }
        output.WriteLine($"{_requests} requests in {started.Elapsed.TotalSeconds:0} s");
        Assert.True(_failures.Count == 0, $"{_failures.Count} server errors:\n" + string.Join("\n", _failures.Distinct().Order(StringComparer.Ordinal).Take(60)));
    }

    /// <summary>Every POST form of the page: each field in turn gets each hostile value, the others keep what the page filled in.</summary>
    private async Task PostFormsAsync(HttpClient client, IHtmlDocument document, string pageUrl)
    {
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        if (token is null) return;
        var forms = document.QuerySelectorAll("form").Where(f => (f.GetAttribute("method") ?? "get").Equals("post", StringComparison.OrdinalIgnoreCase)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < forms.Count; i++)
        {
            var form = forms[i];
            var action = form.GetAttribute("action") is { Length: > 0 } a ? WebUtility.HtmlDecode(a) : pageUrl;
            if (EndsSession(action)) continue;
            form.SetAttribute("data-fuzz", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var selector = $"form[data-fuzz='{i}']";
            var fields = document.FormFields(selector);
            var names = form.QuerySelectorAll("input, select, textarea").Select(e => e.GetAttribute("name")).OfType<string>()
                .Where(n => n != "__RequestVerificationToken").Distinct().ToList();
            foreach (var name in names)
            {
                // Rows of one table have the same fields: one of each is enough.
                var shape = action.Split('?')[0] + "|" + System.Text.RegularExpressions.Regex.Replace(name, @"\d+", "#");
                if (!seen.Add(shape)) continue;
                foreach (var value in ValuesFor(name))
                    await CheckAsync(client, HttpMethod.Post, action, fields.With(name, value).Append(new("__RequestVerificationToken", token)));
            }
        }
    }

    private async Task<string?> CheckAsync(HttpClient client, HttpMethod method, string url, IEnumerable<KeyValuePair<string, string>>? form = null)
    {
        Interlocked.Increment(ref _requests);
        using var request = new HttpRequestMessage(method, url);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
        {
            var shown = form is null ? url : $"{url} [{string.Join("&", form.Where(f => f.Key != "__RequestVerificationToken").Select(f => $"{f.Key}={Shorten(f.Value)}"))}]";
            lock (_failures) _failures.Add($"{(int)response.StatusCode} {method} {Shorten(shown, 400)}");
        }
        return response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html" ? body : null;
    }

    private static string Shorten(string s, int length = 40) => s.Length <= length ? s : s[..length] + "…";

    private static string Url(RoutePattern pattern, Dictionary<string, string> values) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternParameterPart p => values.GetValueOrDefault(p.Name, "1"),
            _ => "",
        })))).TrimEnd('/');

    /// <summary>Query keys in the page's own GET forms and in its links back to the same path.</summary>
    private static IEnumerable<string> QueryNamesOnPage(IHtmlDocument document, string path)
    {
        foreach (var form in document.QuerySelectorAll("form").Where(f => (f.GetAttribute("method") ?? "get").Equals("get", StringComparison.OrdinalIgnoreCase)))
        {
            var action = form.GetAttribute("action");
            if (action is null || action.Split('?')[0] == path)
                foreach (var name in form.QuerySelectorAll("input, select, textarea").Select(e => e.GetAttribute("name")).OfType<string>()) yield return name;
        }
        foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
        {
            var parts = WebUtility.HtmlDecode(href).Split('?', 2);
            if (parts.Length < 2 || (parts[0].Length > 0 && parts[0] != path)) continue;
            foreach (var pair in parts[1].Split('&')) if (pair.Split('=')[0] is { Length: > 0 } key) yield return Uri.UnescapeDataString(key);
        }
    }

    /// <summary>The names a page model binds from the query: [BindProperty(SupportsGet)], [FromQuery], and handler parameters.</summary>
    private static IEnumerable<string> BoundQueryNames(RouteEndpoint endpoint)
    {
        var view = endpoint.DisplayName?.TrimStart('/') ?? "";
        var type = typeof(Startpunt.Web.Installation).Assembly.GetType("Startpunt.Web." + view.Replace('/', '.') + "Model");
        if (type is null || !typeof(PageModel).IsAssignableFrom(type)) yield break;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<FromQueryAttribute>() is { } q) yield return q.Name ?? property.Name;
            if (property.GetCustomAttribute<BindPropertyAttribute>() is not { SupportsGet: true } b) continue;
            yield return b.Name ?? property.Name;
            foreach (var inner in property.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                yield return inner.GetCustomAttribute<FromQueryAttribute>()?.Name ?? $"{b.Name ?? property.Name}.{inner.Name}";
        }
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal)))
            foreach (var p in method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)))
                yield return p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!;
    }

    /// <summary>The API's query parameters per path, from its own OpenAPI description.</summary>
    private static Dictionary<string, List<string>> ApiQueryParameters()
    {
        var path = Path.Combine(RepositoryPaths.Root, "src", "Startpunt.Web", "Features", "OpenData", "openapi.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var shared = doc.RootElement.GetProperty("components").GetProperty("parameters");
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (!p.Value.TryGetProperty("get", out var get) || !get.TryGetProperty("parameters", out var parameters)) continue;
            result[p.Name] = parameters.EnumerateArray()
                .Select(x => x.TryGetProperty("$ref", out var r) ? shared.GetProperty(r.GetString()!.Split('/').Last()) : x)
                .Where(x => x.GetProperty("in").GetString() == "query").Select(x => x.GetProperty("name").GetString()!).ToList();
        }
        return result;
    }
}
