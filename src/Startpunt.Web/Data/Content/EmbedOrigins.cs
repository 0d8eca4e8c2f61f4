using System.Collections.Concurrent;

namespace Startpunt.Web.Data.Content;

/// <summary>
/// Which websites may show a region's embedded search in an iframe: embedAllowedOrigins in
/// content/regions/&lt;slug&gt;/region.yml. Read when asked and cached per file version, so a change needs no restart.
/// </summary>
public sealed class EmbedOrigins(ContentStore content)
{
    private readonly ConcurrentDictionary<string, (DateTime Written, IReadOnlyList<string> Origins)> _cache = new();

    /// <summary>The allowed origins of a region; null when the region does not exist.</summary>
    public IReadOnlyList<string>? For(string regionId)
    {
        if (regionId.Length == 0 || regionId.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))) return null;
        var file = Path.Combine(content.Root, "regions", regionId, "region.yml");
        if (!File.Exists(file)) return null;
        var written = File.GetLastWriteTimeUtc(file);
        if (_cache.TryGetValue(regionId, out var cached) && cached.Written == written) return cached.Origins;
        // Only well-formed origins ever reach a header: a stray ';' must not be able to add a CSP directive.
        var origins = content.Region(file).EmbedAllowedOrigins.Where(IsValid).Select(o => o.TrimEnd('/')).Distinct().ToList();
        _cache[regionId] = (written, origins);
        return origins;
    }

    /// <summary>An origin: http(s), a host, maybe a port; no path, query or wildcard.</summary>
    public static bool IsValid(string? origin) =>
        Uri.TryCreate(origin?.TrimEnd('/'), UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
        && uri.GetLeftPart(UriPartial.Authority).Equals(origin!.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
