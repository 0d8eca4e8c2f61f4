using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Startpunt.Web.Features.Maps;

/// <summary>
/// Map:TileUrl and Map:Attribution: where the maps get their background tiles. Without a tile URL there are no maps
/// with tiles at all (the results map is not offered, the offer page shows the address only), and the portal makes
/// no request to another host and allows none in its CSP.
/// </summary>
public sealed class MapOptions
{
    /// <summary>A Leaflet tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; a path on the portal itself also works.</summary>
    public string? TileUrl { get; set; }

    /// <summary>Who the tiles come from, as plain text (the tile provider's terms usually require it).</summary>
    public string? Attribution { get; set; }
}

/// <summary>The configured tiles, checked once: the template for the maps and the one source the CSP's img-src adds.</summary>
public sealed partial class MapTiles
{
    public MapTiles(IOptions<MapOptions> options)
    {
        var url = options.Value.TileUrl?.Trim();
        if (string.IsNullOrEmpty(url)) return;
        if (MapSetup.IsLocal(url))
        {
            (TileUrl, ImageSource) = (url, null);
        }
        else if (SourceOf(url) is { } source)
        {
            (TileUrl, ImageSource) = (url, source);
        }
        else return; // refused at start by the options validation
        Attribution = string.IsNullOrWhiteSpace(options.Value.Attribution) ? null : options.Value.Attribution.Trim();
    }

    public bool IsConfigured => TileUrl is not null;
    public string? TileUrl { get; }
    public string? Attribution { get; }

    /// <summary>The CSP source of the tile host ("https://*.tile.example.org"), or null for none or the portal's own.</summary>
    public string? ImageSource { get; }

    /// <summary>
    /// Scheme and host of a tile template as a CSP source. A placeholder in the host ("{s}.tile...", "tile{s}.example")
    /// becomes a wildcard for that leftmost label; anything else in the host is refused.
    /// </summary>
    internal static string? SourceOf(string template)
    {
        var match = TemplatePattern().Match(template);
        if (!match.Success) return null;
        var (scheme, host, port) = (match.Groups["scheme"].Value.ToLowerInvariant(), match.Groups["host"].Value.ToLowerInvariant(), match.Groups["port"].Value);
        var labels = host.Split('.');
        if (labels.Skip(1).Any(l => !HostLabel().IsMatch(l))) return null;
        // A wildcard only below a registrable name: "*.tile.example.org", never "*.org".
        if (labels[0].Contains('{') && labels.Length >= 3) labels[0] = "*";
        else if (!HostLabel().IsMatch(labels[0])) return null;
        return $"{scheme}://{string.Join('.', labels)}{port}";
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>[A-Za-z0-9.{}-]+)(?<port>:[0-9]{1,5})?/", RegexOptions.IgnoreCase)]
    private static partial Regex TemplatePattern();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex HostLabel();
}

public static class MapSetup
{
    public static WebApplicationBuilder AddStartpuntMap(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MapOptions>().Bind(builder.Configuration.GetSection("Map"))
            .Validate(o => string.IsNullOrWhiteSpace(o.TileUrl) || IsLocal(o.TileUrl.Trim()) || MapTiles.SourceOf(o.TileUrl.Trim()) is not null,
                "Map:TileUrl must be an http(s) address with a host, like https://tile.openstreetmap.org/{z}/{x}/{y}.png, or a path on the portal.")
            .ValidateOnStart();
        builder.Services.AddSingleton<MapTiles>();
        return builder;
    }

    /// <summary>Tiles served by the portal itself ("/tiles/{z}/{x}/{y}.png"): img-src 'self' already allows them.</summary>
    internal static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);
}
