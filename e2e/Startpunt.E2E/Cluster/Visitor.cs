using System.Net;
using System.Text.RegularExpressions;
using Startpunt.Web.Data.Content;

namespace Startpunt.E2E.Cluster;

/// <summary>One person's cookie jar, used against any address of the cluster (nginx or one node directly): forms as a browser posts them.</summary>
internal sealed partial class Visitor(CookieContainer? cookies = null) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A GET that follows redirects (as a browser does); returns the final address and the page.</summary>
    public async Task<(Uri Url, string Html)> PageAsync(string url)
    {
        var current = new Uri(url);
        for (var hops = 0; hops < 5; hops++)
        {
            using var response = await _http.GetAsync(current);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found)
            {
                current = new Uri(current, response.Headers.Location!);
                continue;
            }
            Assert.True(response.IsSuccessStatusCode, $"GET {current} gave {(int)response.StatusCode}");
            return (current, await response.Content.ReadAsStringAsync());
        }
        throw new InvalidOperationException($"Too many redirects from {url}");
    }

    /// <summary>Posts a form with the antiforgery token of <paramref name="html"/>; returns the status (a save is acknowledged by a redirect).</summary>
    public async Task<HttpStatusCode> PostAsync(string url, string html, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on the page");
        using var response = await _http.PostAsync(url, new FormUrlEncodedContent(fields));
        return response.StatusCode;
    }

    /// <summary>Signs in with a demo account through <paramref name="baseUrl"/>; returns the provider's weekly update page address.</summary>
    public async Task<HttpStatusCode> SignInAsync(string baseUrl, string email)
    {
        var (_, form) = await PageAsync($"{baseUrl}/account/inloggen");
        return await PostAsync($"{baseUrl}/account/inloggen", form, new() { ["Input.Email"] = email, ["Input.Password"] = DemoAccounts.Password });
    }

    /// <summary>The weekly update rows of the page: offer id and the version its form carries.</summary>
    public static Dictionary<int, long> Versions(string html)
    {
        var rows = RowVersion().Matches(html).ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            m => long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        var at = html.IndexOf("name=\"Version\"", StringComparison.Ordinal);
        Assert.True(rows.Count > 0, $"no weekly update rows on the page: {(at < 0 ? html[..Math.Min(html.Length, 3000)] : html[Math.Max(0, at - 600)..(at + 100)])}");
        return rows;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)\x22""")]
    private static partial Regex Token();

    [GeneratedRegex("""offerId=(\d+)[^"]*"[^>]*>\s*<input type="hidden" name="Version" value="(\d+)\x22""")]
    private static partial Regex RowVersion();
}
