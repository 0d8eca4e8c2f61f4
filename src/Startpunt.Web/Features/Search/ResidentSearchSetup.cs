namespace Startpunt.Web.Features.Search;

public static class ResidentSearchSetup
{
    /// <summary>The resident's search screens (start page, /zoeken, /embed); the engines are in OfferSearch.</summary>
    public static WebApplicationBuilder AddStartpuntResidentSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ResidentSearch>();
        return builder;
    }
}
