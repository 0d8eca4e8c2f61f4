using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Startpunt.Web.Features.People;

/// <summary>
/// The people page as the provider's workspace and the region's pages both show it: the same list and actions, each
/// page saying only who may open it and where it lives.
/// </summary>
public abstract class PeoplePageModel(OrganisationPeople people) : PageModel
{
    protected OrganisationPeople People { get; } = people;
    public PeopleView View { get; private set; } = null!;
    [TempData] public string? Status { get; set; }
    public string? Error { get; private set; }

    /// <summary>True in the provider's own workspace (they invite their colleagues), false on the region's pages.</summary>
    public abstract bool InWorkspace { get; }

    /// <summary>Null when the signed-in person may manage the organisation's people here; otherwise the answer.</summary>
    protected abstract Task<IActionResult?> RefuseAsync(int providerId, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(int providerId, CancellationToken ct) =>
        await RefuseAsync(providerId, ct) ?? await ShowAsync(providerId, ct);

    public Task<IActionResult> OnPostRemoveAsync(int providerId, [FromForm] string? userId, CancellationToken ct) =>
        ActAsync(providerId, () => People.RemoveAsync(User, providerId, userId, ct), ct);

    public Task<IActionResult> OnPostSwitchOffAsync(int providerId, [FromForm] string? userId, CancellationToken ct) =>
        ActAsync(providerId, () => People.SwitchAsync(User, providerId, userId, off: true, ct), ct);

    public Task<IActionResult> OnPostSwitchOnAsync(int providerId, [FromForm] string? userId, CancellationToken ct) =>
        ActAsync(providerId, () => People.SwitchAsync(User, providerId, userId, off: false, ct), ct);

    public Task<IActionResult> OnPostRevokeAsync(int providerId, [FromForm] int invitationId, CancellationToken ct) =>
        ActAsync(providerId, () => People.RevokeAsync(providerId, invitationId, ct), ct);

    private async Task<IActionResult> ActAsync(int providerId, Func<Task<PeopleOutcome>> act, CancellationToken ct)
    {
        if (await RefuseAsync(providerId, ct) is { } refused) return refused;
        var outcome = await act();
        if (outcome.Done)
        {
            Status = outcome.Message;
            return RedirectToPage(new { providerId });
        }
        Error = outcome.Message;
        Response.StatusCode = outcome.Status;
        return await ShowAsync(providerId, ct);
    }

    private async Task<IActionResult> ShowAsync(int providerId, CancellationToken ct)
    {
        if (await People.ReadAsync(providerId, ct) is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
