using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Startpunt.Web.Features.Shared;

/// <summary>
/// Links to one page for many ids (the offers of a result list): routing builds the address once, with a stand-in id,
/// and each link puts its own id in its place. A route that does not show the stand-in exactly once (the id in the
/// query string, say) is asked of routing for every id, as before.
/// </summary>
public sealed class IdLinks
{
    private const int StandIn = int.MaxValue;
    private readonly IUrlHelper _url;
    private readonly string _page;
    private readonly string? _before;
    private readonly string? _after;

    public IdLinks(IUrlHelper url, string page)
    {
        (_url, _page) = (url, page);
        var template = url.Page(page, new { id = StandIn });
        var standIn = StandIn.ToString(CultureInfo.InvariantCulture);
        var at = template?.IndexOf(standIn, StringComparison.Ordinal) ?? -1;
        if (at < 0 || template!.IndexOf(standIn, at + 1, StringComparison.Ordinal) >= 0) return;
        (_before, _after) = (template[..at], template[(at + standIn.Length)..]);
    }

    public string? For(int id) => _before is null
        ? _url.Page(_page, new { id })
        : string.Concat(_before, id.ToString(CultureInfo.InvariantCulture), _after);
}
