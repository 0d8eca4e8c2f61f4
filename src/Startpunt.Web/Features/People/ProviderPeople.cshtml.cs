using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Provider;

namespace Startpunt.Web.Features.People;

/// <summary>/aanbieder/{id}/mensen: the organisation's people, for its own administrators.</summary>
[Authorize(Policy = Roles.Provider)]
public sealed class ProviderPeopleModel(OrganisationPeople people, Membership membership) : PeoplePageModel(people)
{
    public override bool InWorkspace => true;

    protected override async Task<IActionResult?> RefuseAsync(int providerId, CancellationToken ct)
    {
        if (await membership.OrganisationAsync(User, providerId, ct) is null) return NotFound();
        return await People.MayManageAsync(User, providerId, ct) ? null : Forbid();
    }
}
