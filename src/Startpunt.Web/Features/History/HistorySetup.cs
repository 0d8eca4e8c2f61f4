namespace Startpunt.Web.Features.History;

public static class HistorySetup
{
    /// <summary>Reading the history: per organisation and per region, with filters and CSV.</summary>
    public static WebApplicationBuilder AddStartpuntHistory(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<HistoryLog>();
        return builder;
    }
}
