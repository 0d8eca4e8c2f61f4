namespace Startpunt.Web.Geo;

public static class GeoSetup
{
    /// <summary>Postcode areas and place names from the open data, read once: for the searches, the Wmo-loket and the API.</summary>
    public static WebApplicationBuilder AddStartpuntGeo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PlaceDirectory>();
        return builder;
    }
}
