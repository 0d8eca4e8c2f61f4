namespace Startpunt.Web.Domain;

/// <summary>
/// One event in the life of an account, append-only like <see cref="AuditEntry"/>: who did it (the actor), to which
/// account (the subject), when, and from which address. Written in the save that makes the change where there is one
/// (see Data/AccountAudit); sign-ins, which change nothing, get a save of their own. Never edited or deleted (the
/// database refuses that too).
/// </summary>
public sealed class AccountEvent
{
    public long Id { get; init; }
    public DateTime At { get; init; }
    /// <summary>One of <see cref="AccountEventKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>Who did it; null for the system or someone who was not signed in and is not the subject.</summary>
    public string? ActorId { get; init; }
    public required string ActorName { get; init; }
    /// <summary>The account it is about; null when no account matched (a sign-in with an unknown address, an invitation).</summary>
    public string? SubjectId { get; init; }
    /// <summary>The subject's e-mail address at the time (or the address typed or invited).</summary>
    public required string SubjectName { get; init; }
    /// <summary>The organisation it concerns (a membership, an invitation), so that a region sees its providers' events.</summary>
    public int? ProviderId { get; init; }
    /// <summary>The client's IP address as the portal saw it after the trusted proxies' forwarded headers.</summary>
    public string? Address { get; init; }
    /// <summary>What else matters: the role, the organisation, the old and new e-mail address, how someone signed in.</summary>
    public string? Detail { get; init; }
}

/// <summary>The kinds of account events, as stored (stable codes); <see cref="Label"/> gives the words.</summary>
public static class AccountEventKinds
{
    public const string SignedIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string EmailChanged = "email-changed";
    public const string TwoFactorOn = "2fa-on";
    public const string TwoFactorOff = "2fa-off";
    public const string RecoveryCodeUsed = "recovery-code-used";
    public const string AccountCreated = "account-created";
    public const string InvitationSent = "invitation-sent";
    public const string InvitationAccepted = "invitation-accepted";
    public const string InvitationRevoked = "invitation-revoked";
    public const string MemberAdded = "member-added";
    public const string MemberRemoved = "member-removed";
    public const string RoleAdded = "role-added";
    public const string RoleRemoved = "role-removed";
    public const string Deactivated = "deactivated";
    public const string Reactivated = "reactivated";

    public static readonly IReadOnlyList<string> All =
    [
        SignedIn, SignInFailed, LockedOut, PasswordChanged, PasswordReset, EmailChanged, TwoFactorOn, TwoFactorOff, RecoveryCodeUsed,
        AccountCreated, InvitationSent, InvitationAccepted, InvitationRevoked, MemberAdded, MemberRemoved, RoleAdded, RoleRemoved,
        Deactivated, Reactivated,
    ];

    /// <summary>The kind in words (a key of the shared texts).</summary>
    public static string Label(string kind) => kind switch
    {
        SignedIn => "Ingelogd",
        SignInFailed => "Inloggen mislukt",
        LockedOut => "Geblokkeerd na te veel pogingen",
        PasswordChanged => "Wachtwoord gewijzigd",
        PasswordReset => "Nieuw wachtwoord via e-mail",
        EmailChanged => "E-mailadres gewijzigd",
        TwoFactorOn => "Inloggen in twee stappen aangezet",
        TwoFactorOff => "Inloggen in twee stappen uitgezet",
        RecoveryCodeUsed => "Herstelcode gebruikt",
        AccountCreated => "Account gemaakt",
        InvitationSent => "Uitnodiging verstuurd",
        InvitationAccepted => "Uitnodiging aangenomen",
        InvitationRevoked => "Uitnodiging ingetrokken",
        MemberAdded => "Lid van organisatie geworden",
        MemberRemoved => "Geen lid meer van organisatie",
        RoleAdded => "Rol gekregen",
        RoleRemoved => "Rol afgenomen",
        Deactivated => "Account uitgeschakeld",
        Reactivated => "Account weer aangezet",
        _ => kind,
    };
}
