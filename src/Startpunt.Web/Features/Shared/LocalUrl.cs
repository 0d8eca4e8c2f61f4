namespace Startpunt.Web.Features.Shared;

/// <summary>The one rule for return addresses (?terug=): a path on this site, or nothing.</summary>
public static class LocalUrl
{
    /// <summary>
    /// The URL when it is a local path ("/..."), else null: no other host ("//x", "/\x"), and no control characters
    /// (a tab or newline that browsers drop would turn "/\t/x" into "//x").
    /// </summary>
    public static string? SafeOrNull(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url[0] == '/'
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(c => char.IsControl(c) || c == '\\')
            ? url
            : null;
}
