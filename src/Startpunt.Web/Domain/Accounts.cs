using Microsoft.AspNetCore.Identity;

namespace Startpunt.Web.Domain;

/// <summary>Someone who signs in: a provider's editor, a consultant, a contract manager or an administrator.</summary>
public sealed class StartpuntUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The region a consultant or contract manager works for.</summary>
    public string? RegionId { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool IsDemo { get; set; }
    /// <summary>Switched off: cannot sign in, and an open session ends within a minute (and at its next write).</summary>
    public bool Deactivated { get; set; }
    public DateTime? LastSignInAt { get; set; }
    public List<OrganisationMember> Organisations { get; } = [];
}

public static class Roles
{
    public const string Provider = "aanbieder";
    public const string Consultant = "consulent";
    public const string ContractManager = "contractmanager";
    public const string Administrator = "beheerder";

    public static readonly string[] All = [Provider, Consultant, ContractManager, Administrator];

    /// <summary>The role's name as people read it (a key of the shared texts).</summary>
    public static string Label(string role) => role switch
    {
        Provider => "Medewerker aanbieder",
        Consultant => "Consulent",
        ContractManager => "Contractmanager",
        _ => "Beheerder",
    };
}

/// <summary>Binds a provider editor to an organisation whose data they keep current.</summary>
public sealed class OrganisationMember
{
    public required string UserId { get; init; }
    public int ProviderId { get; init; }
    public Provider? Provider { get; set; }
    /// <summary>Manages the organisation's people: sees them, invites and removes colleagues, revokes invitations.</summary>
    public bool IsAdministrator { get; set; }
}

/// <summary>A single-use, expiring invitation to create an account. Only the hash of the token is stored.</summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public int Id { get; init; }
    public required string Email { get; set; }
    public required string Role { get; set; }
    public int? ProviderId { get; set; }
    /// <summary>The new member manages the organisation's people (the first person of an organisation always does).</summary>
    public bool OrganisationAdministrator { get; set; }
    public string? RegionId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public required string InvitedBy { get; set; }

    public bool IsUsable(DateTime utcNow) => UsedAt is null && utcNow < ExpiresAt;
}

/// <summary>What a signed-in person's cookie says beside their id and roles: the name shown in history, the region of a contract manager.</summary>
public static class StartpuntClaims
{
    public const string DisplayName = "startpunt:name";
    public const string Region = "startpunt:region";
}
