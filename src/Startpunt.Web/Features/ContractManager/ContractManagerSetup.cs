namespace Startpunt.Web.Features.ContractManager;

public static class ContractManagerSetup
{
    /// <summary>The region's pages: whose region it is, and the figures for freshness, trends and coverage.</summary>
    public static WebApplicationBuilder AddStartpuntContractManager(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RegionScope>();
        builder.Services.AddScoped<RegionalDeactivation>();
        builder.Services.AddScoped<NewProvider>();
        builder.Services.AddScoped<Freshness>();
        builder.Services.AddScoped<Trends>();
        builder.Services.AddScoped<Coverage>();
        return builder;
    }
}
