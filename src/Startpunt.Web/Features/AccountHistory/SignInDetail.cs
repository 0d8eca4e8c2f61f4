namespace Startpunt.Web.Features.AccountHistory;

/// <summary>How someone signed in, or why it failed: the codes stored in an account event's detail, and their words.</summary>
public static class SignInDetail
{
    public const string ByPassword = "password";
    public const string ByAuthenticator = "app";
    public const string ByRecoveryCode = "recovery-code";
    public const string Locked = "locked";
    public const string NotAllowed = "not-allowed";
    public const string Unknown = "unknown";
    public const string Deactivated = "deactivated";

    /// <summary>How someone signed in or why it failed, in words (the stored detail is a list of codes).</summary>
    public static string DetailLabel(string code) => code switch
    {
        ByPassword => "met wachtwoord",
        ByAuthenticator => "met de code uit de app",
        ByRecoveryCode => "met een herstelcode",
        Locked => "account geblokkeerd",
        NotAllowed => "niet toegestaan",
        Unknown => "onbekend e-mailadres",
        Deactivated => "het account is uitgeschakeld",
        _ => code,
    };
}
