using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Admin;

/// <summary>/beheer/accounts: every account and pending invitation, filtered by role, region and organisation.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class AccountsModel(AccountList list) : PageModel
{
    public AccountFilter Filter { get; private set; } = new();
    public AccountListView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = AccountFilter.Read(Request.Query);
        View = await list.ReadAsync(Filter, ModelState, ct);
        if (!ModelState.IsValid) Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
