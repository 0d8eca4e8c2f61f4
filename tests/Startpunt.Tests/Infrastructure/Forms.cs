using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Infrastructure;

/// <summary>Signing in and posting forms the way a browser does: with the cookie and the antiforgery token of a page.</summary>
public static partial class Forms
{
    public static HttpClient Browser(this StartpuntFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as one of the demo accounts (or any account with the given password).</summary>
    public static async Task<HttpClient> SignedInAsync(this StartpuntFactory app, string email, string password = DemoAccounts.Password)
    {
        var client = app.Browser();
        var response = await client.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.Headers.Location?.OriginalString.StartsWith("/account/tweestaps", StringComparison.Ordinal) == true)
        {
            // Two-step sign-in: the code the person's app would show now.
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StartpuntUser>>();
            var key = await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!);
            response = await client.PostFormAsync("/account/tweestaps", new() { ["Code"] = Totp.Code(key!) });
        }
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} gave {(int)response.StatusCode}");
        return client;
    }

    public static async Task<string> TokenAsync(this HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {pageUrl}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts like a browser: fetches the token from <paramref name="tokenPage"/> (default: the same URL without its query).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields,
        string? tokenPage = null, Action<HttpRequestMessage>? configure = null)
    {
        var token = await client.TokenAsync(tokenPage ?? url.Split('?')[0]);
        var all = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(all) };
        configure?.Invoke(request);
        return await client.SendAsync(request);
    }

    /// <summary>Posts a form with a list of values per name (checkbox groups).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string tokenPage)
    {
        var token = await client.TokenAsync(tokenPage);
        var all = fields.Append(new("__RequestVerificationToken", token)).ToList();
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
