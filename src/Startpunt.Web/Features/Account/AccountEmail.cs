using System.ComponentModel.DataAnnotations;

namespace Startpunt.Web.Features.Account;

/// <summary>
/// One e-mail address that can be an account name: one '@', a domain with a dot, and only the characters Identity
/// allows in a user name (so "a,b@example.org" or "a b@x.nl" is refused at the form, not when the account is made).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AccountEmailAttribute : ValidationAttribute
{
    private const string Allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";

    public AccountEmailAttribute() => ErrorMessage = "Dit e-mailadres klopt niet.";

    public override bool IsValid(object? value) => value is not string s || string.IsNullOrWhiteSpace(s) || IsAccountEmail(s.Trim());

    public static bool IsAccountEmail(string email)
    {
        if (email.Length > 256 || email.Any(c => !Allowed.Contains(c))) return false;
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@')) return false;
        var domain = email[(at + 1)..];
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..", StringComparison.Ordinal)
               && MimeKit.MailboxAddress.TryParse(email, out var parsed) && parsed.Address == email;
    }
}
