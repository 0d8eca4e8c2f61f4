using Microsoft.AspNetCore.Localization;

namespace Startpunt.Web.Features.Pages;

/// <summary>/taal/{nl|en}?terug=...: remembers the reader's language in a cookie and goes back to where they were.</summary>
public static class LanguageSwitch
{
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/taal/{culture}", (string culture, string? terug, HttpContext http) =>
        {
            var chosen = WebSetup.Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == culture) ?? WebSetup.Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            // Only local paths: the switch must not become an open redirect.
            var target = !string.IsNullOrEmpty(terug) && terug.StartsWith('/') && !terug.StartsWith("//", StringComparison.Ordinal) && !terug.StartsWith("/\\", StringComparison.Ordinal) ? terug : "/";
            return Results.LocalRedirect(target);
        });
        return app;
    }
}
