using Microsoft.Extensions.Options;

namespace Startpunt.Web;

public sealed class InstallationOptions
{
    /// <summary>This installation is a public demo: every page says so and the sign-in page lists the demo accounts.</summary>
    public bool Demo { get; set; }

    /// <summary>
    /// The portal's public address (https://startpunt.regio.nl). Every absolute link (API, exports, shortlist, mail) is
    /// built from it, never from the request's Host header. Required in Production.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>What kind of installation this is: a demo or the real thing, and the address people reach it at.</summary>
public sealed class Installation(IHostEnvironment env, IOptions<InstallationOptions> options, IHttpContextAccessor http)
{
    /// <summary>Without a configured address and outside a request (the reminder job, a command): the local default.</summary>
    public const string LocalBaseUrl = "http://localhost:5080";

    /// <summary>Development is always a demo; anywhere else only when <c>Installation:Demo</c> says so.</summary>
    public bool IsDemo => env.IsDevelopment() || options.Value.Demo;

    /// <summary>The configured public address; only without one (Development, tests) the request's own address.</summary>
    public string BaseUrl()
    {
        var configured = options.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured)) return configured.Trim().TrimEnd('/');
        return http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : LocalBaseUrl;
    }

}

/// <summary>
/// Refuses a start that is not safe: demo accounts (with their published password) asked for in an installation that is
/// not a demo, or Production without a public address. Runs at start (ValidateOnStart) and for every command.
/// </summary>
public sealed class InstallationValidator(IHostEnvironment env, IOptions<Data.DatabaseOptions> database) : IValidateOptions<InstallationOptions>
{
    public ValidateOptionsResult Validate(string? name, InstallationOptions options)
    {
        var isDemo = env.IsDevelopment() || options.Demo;
        if (database.Value.SeedDemo && !isDemo)
            return ValidateOptionsResult.Fail(
                $"Refusing to start: Database:SeedDemo=true asks for demo accounts with a published password, but this {env.EnvironmentName} " +
                "installation is not a demo. Remove Database:SeedDemo and create the first administrator with `create-admin EMAIL`, " +
                "or set Installation:Demo=true to run a public demo that says so on every page.");
        var address = options.PublicBaseUrl?.Trim();
        var valid = Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
        if (env.IsProduction() && !valid)
            return ValidateOptionsResult.Fail(
                "Refusing to start: set Installation:PublicBaseUrl to the portal's public address (for example https://startpunt.regio.nl). " +
                "Links in the API, the exports, shortlists and mail are built from it, never from the request's Host header.");
        if (!string.IsNullOrWhiteSpace(address) && !valid)
            return ValidateOptionsResult.Fail($"Installation:PublicBaseUrl '{address}' is not an http(s) address.");
        return ValidateOptionsResult.Success;
    }
}
