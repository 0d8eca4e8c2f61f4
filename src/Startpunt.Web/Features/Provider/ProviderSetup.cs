namespace Startpunt.Web.Features.Provider;

public static class ProviderSetup
{
    /// <summary>The provider's workspace: the membership check, the weekly update and the offer editor.</summary>
    public static WebApplicationBuilder AddStartpuntProviderWorkspace(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Membership>();
        builder.Services.AddScoped<WeeklyUpdate>();
        builder.Services.AddScoped<OfferEditor>();
        return builder;
    }
}
