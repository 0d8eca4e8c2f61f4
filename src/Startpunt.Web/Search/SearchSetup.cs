namespace Startpunt.Web.Search;

public static class SearchSetup
{
    public static WebApplicationBuilder AddStartpuntSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IOfferSearch, SqliteOfferSearch>();
        return builder;
    }
}
