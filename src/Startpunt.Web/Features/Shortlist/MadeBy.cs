using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Startpunt.Web.Features.Shortlist;

/// <summary>The consultant who made a shortlist, as the client reads it on the page and the printout.</summary>
public sealed record MadeBy(string Name, string? Organisation, string? Phone, string? Email, DateOnly Date)
{
    public const int NameMax = 80, OrganisationMax = 100, PhoneMax = 30;
}

/// <summary>
/// The consultant's details travel in the shortlist's link as a protected token (ASP.NET Core data protection), so
/// nothing is stored and nobody can make the portal show made-up "consultant" details under its name.
/// </summary>
public sealed class MadeByTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Startpunt.Shortlist.MadeBy.v1");

    public string Protect(MadeBy madeBy) => _protector.Protect(JsonSerializer.Serialize(madeBy));

    /// <summary>The details in a token, or null when it is missing, damaged or forged.</summary>
    public MadeBy? Unprotect(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000) return null;
        try
        {
            var madeBy = JsonSerializer.Deserialize<MadeBy>(_protector.Unprotect(token));
            return madeBy is { Name.Length: > 0 } ? madeBy : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}

public static class ShortlistSetup
{
    public static WebApplicationBuilder AddStartpuntShortlist(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MadeByTokens>();
        return builder;
    }
}
