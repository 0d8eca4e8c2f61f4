namespace Startpunt.Web.Features.Admin;

public static class AdminSetup
{
    /// <summary>The administrators' pages: every account, and what only an administrator does for a person.</summary>
    public static WebApplicationBuilder AddStartpuntAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountList>();
        return builder;
    }
}
