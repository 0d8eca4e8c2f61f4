using Microsoft.Extensions.Options;
using Startpunt.Web.Data;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.GettingHelp;

/// <summary>A municipality's Wmo-loket: where a resident makes the melding that starts Wmo support.</summary>
public sealed record WmoDesk(string MunicipalityCode, string Name, string? Phone, string? Email, string? Website, string? OpeningHours, bool IsDemo)
{
    /// <summary>The phone number as a tel: link target (digits and a leading +).</summary>
    public string? PhoneLink => Phone is null ? null : Tel.Href(Phone);
}

public static class Tel
{
    public static string Href(string phone) => "tel:" + new string(phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
}

/// <summary>
/// The Wmo-loketten from content/regions/*/wmo-loketten.yml, read again when a file changes. Desks marked demo (invented
/// numbers) are shown only in a demo installation (<see cref="Installation.IsDemo"/>).
/// </summary>
public sealed class WmoDesks(ContentStore content, Installation installation)
{
    private (DateTime Written, IReadOnlyDictionary<string, WmoDeskFile> Desks) _cache = (DateTime.MinValue, new Dictionary<string, WmoDeskFile>());

    public WmoDesk? For(string? municipalityCode)
    {
        if (municipalityCode is null) return null;
        var written = content.WmoDesksWritten();
        var cache = _cache;
        if (cache.Written != written)
            _cache = cache = (written, content.WmoDesks().GroupBy(d => d.Municipality, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
        if (!cache.Desks.TryGetValue(municipalityCode, out var d)) return null;
        if (d.Demo && !installation.IsDemo) return null;
        var hours = LocalizedName.Pick(d.OpeningHours ?? "", d.OpeningHoursEn);
        return new WmoDesk(d.Municipality, d.Name, Blank(d.Phone), Blank(d.Email), Blank(d.Website), Blank(hours), d.Demo);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
