namespace Startpunt.Web.Features.People;

public static class PeopleSetup
{
    /// <summary>The people of an organisation: who they are, and removing, switching off and revoking invitations.</summary>
    public static WebApplicationBuilder AddStartpuntPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrganisationPeople>();
        return builder;
    }
}
