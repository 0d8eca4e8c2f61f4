namespace Startpunt.Web.Features.Search;

public static class ResidentSearchSetup
{
    /// <summary>The resident's search screens (start page, /zoeken, /embed); the engines are in OfferSearch.</summary>
    public static WebApplicationBuilder AddStartpuntResidentSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ResidentSearch>();
        // Postcodes, municipalities, products, target groups and languages: read once, again after a content import.
        builder.Services.AddSingleton<SearchChoices>();
        // The results map's pins, when Map:TileUrl is configured (Features/Maps).
        builder.Services.AddScoped<ResultsMapBuilder>();
        return builder;
    }
}
