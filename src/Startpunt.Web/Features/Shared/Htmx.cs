namespace Startpunt.Web.Features.Shared;

/// <summary>The few htmx request headers the pages need (htmx.org/reference/#request_headers).</summary>
public static class Htmx
{
    /// <summary>
    /// True for an htmx request that wants a fragment; false for a normal request and for htmx's history restore,
    /// which needs the whole page.
    /// </summary>
    public static bool IsFragmentRequest(HttpRequest request) =>
        request.Headers["HX-Request"] == "true" && request.Headers["HX-History-Restore-Request"] != "true"
                                                 && request.Headers["HX-Boosted"] != "true";
}
