using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.ContractManager;

namespace Startpunt.Web.Features.People;

/// <summary>/regio/aanbieders/{id}/mensen: a provider's people, for the contract managers of a region where it holds a contract, and administrators.</summary>
[Authorize(Policy = Roles.ContractManager)]
[RegionAccess]
public sealed class RegionPeopleModel(OrganisationPeople people) : PeoplePageModel(people)
{
    public override bool InWorkspace => false;

    // Another region's provider is not found: nothing about it leaks.
    protected override async Task<IActionResult?> RefuseAsync(int providerId, CancellationToken ct) =>
        await People.MayManageAsync(User, providerId, ct) ? null : NotFound();
}
