namespace Startpunt.Web.Features.Consultant;

public static class ConsultantSetup
{
    public static WebApplicationBuilder AddStartpuntConsultant(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConsultantSearch>();
        return builder;
    }
}
