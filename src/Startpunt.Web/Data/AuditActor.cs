using System.Security.Claims;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data;

/// <summary>Who is writing, for the history: the signed-in person, or the system when a background job writes.</summary>
public sealed class AuditActor
{
    public static readonly AuditActor System = new(null, "Systeem");

    private string? _userId;
    private string _userName;

    public AuditActor(IHttpContextAccessor http)
    {
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true)
        {
            _userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            _userName = user.FindFirstValue(StartpuntClaims.DisplayName) ?? user.Identity.Name ?? "?";
        }
        else _userName = System.UserName;
    }

    private AuditActor(string? userId, string userName) => (_userId, _userName) = (userId, userName);

    public string? UserId => _userId;
    public string UserName => _userName;

    /// <summary>For work that is not a request of the person themselves (sign-up, jobs).</summary>
    public void Set(string? userId, string userName) => (_userId, _userName) = (userId, userName);
}

public static class StartpuntClaims
{
    public const string DisplayName = "startpunt:name";
    public const string Region = "startpunt:region";
    public const string Organisation = "startpunt:organisation";
}
