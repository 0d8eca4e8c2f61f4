using Startpunt.Web.Domain;
using System.Security.Claims;

namespace Startpunt.Web.Data;

/// <summary>
/// Who is writing, for the history: the signed-in person, or the system when a background job writes. Read when
/// needed, not when created: the DbContext (and so this) is often created during authentication, before the user is known.
/// </summary>
public sealed class AuditActor
{
    public static readonly AuditActor System = new(null, "Systeem");

    private readonly IHttpContextAccessor? _http;
    private (string? UserId, string UserName)? _explicit;

    public AuditActor(IHttpContextAccessor http) => _http = http;

    private AuditActor(string? userId, string userName) => _explicit = (userId, userName);

    public string? UserId => Current.UserId;
    public string UserName => Current.UserName;

    /// <summary>True while a web request is being handled (not a command or a background job).</summary>
    public bool InRequest => _http?.HttpContext is not null;

    /// <summary>The client's IP address, as seen after the trusted proxies' forwarded headers; null outside a request.</summary>
    public string? Address => _http?.HttpContext?.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : null;

    /// <summary>For work that is not a request of the person themselves (sign-up, jobs).</summary>
    public void Set(string? userId, string userName) => _explicit = (userId, userName);

    private (string? UserId, string UserName) Current
    {
        get
        {
            if (_explicit is { } e) return e;
            var user = _http?.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true) return (null, "Systeem");
            return (user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(StartpuntClaims.DisplayName) ?? user.Identity.Name ?? "?");
        }
    }
}
