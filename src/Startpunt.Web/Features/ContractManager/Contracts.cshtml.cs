using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using HistoryText = Startpunt.Web.Features.History.HistoryWords;

namespace Startpunt.Web.Features.ContractManager;

/// <summary>/regio/aanbieders/{id}: a provider's contracts in the region: products, municipalities, dates; with history.</summary>
[Authorize(Policy = Roles.ContractManager)]
[RegionAccess]
public sealed class ContractsModel(RegionScope scope, StartpuntDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "regio")] public string? RegionId { get; set; }
    public Domain.Region Region { get; private set; } = null!;
    public Domain.Provider Provider { get; private set; } = null!;
    public List<Contract> Contracts { get; private set; } = [];
    public List<Product> Products { get; private set; } = [];
    public List<Municipality> Municipalities { get; private set; } = [];
    public List<AuditEntry> History { get; private set; } = [];
    /// <summary>The contract whose form had errors (0 for the new-contract form).</summary>
    public int? FailedContract { get; private set; }
    [BindProperty] public ContractInput Input { get; set; } = new();
    [TempData] public string? Status { get; set; }
    /// <summary>Set when a colleague saved the contract of <see cref="FailedContract"/> after this form was loaded.</summary>
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int providerId, CancellationToken ct) =>
        await LoadAsync(providerId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int providerId, int? contractId, CancellationToken ct)
    {
        if (!await LoadAsync(providerId, ct)) return NotFound();
        Contract? contract = null;
        if (contractId is { } id && (contract = await db.Contracts.Include(c => c.Municipalities).SingleOrDefaultAsync(c => c.Id == id && c.ProviderId == providerId && c.Product!.RegionId == Region.Id, ct)) is null)
            return NotFound();
        var (start, end) = Validate(contract);
        if (ModelState.IsValid && contract is not null && contract.Version != Input.Version) return await ConflictAsync(contract, ct);
        if (!ModelState.IsValid)
        {
            FailedContract = contractId ?? 0;
            return Page();
        }

        // One save: the contract, its municipalities and its history entry (written by the DbContext) together.
        var wanted = Input.Municipalities.Distinct().ToList();
        if (contract is null)
        {
            contract = new Contract { ProviderId = providerId, ProductId = Input.ProductId!.Value, StartDate = start, EndDate = end };
            db.Contracts.Add(contract);
        }
        else
        {
            db.Entry(contract).Property(c => c.Version).OriginalValue = Input.Version;
            contract.StartDate = start;
            contract.EndDate = end;
            contract.Municipalities.RemoveAll(m => !wanted.Contains(m.MunicipalityCode));
        }
        foreach (var code in wanted.Where(c => contract.Municipalities.All(m => m.MunicipalityCode != c)))
            contract.Municipalities.Add(new ContractMunicipality { MunicipalityCode = code });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A colleague saved between our read and our write.
            db.ChangeTracker.Clear();
            return await ConflictAsync(await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contract.Id, ct), ct);
        }
        Status = L["Het contract is opgeslagen."];
        return RedirectToPage("/ContractManager/Contracts", new { providerId, regio = Region.Id });
    }

    /// <summary>The contract's form again with the person's input, what the colleague changed, and the version now seen.</summary>
    private async Task<IActionResult> ConflictAsync(Contract current, CancellationToken ct)
    {
        FailedContract = current.Id;
        Conflict = HistoryText.Conflict(await HistoryText.LastAsync(db, "Contract", current.Id, ct), L);
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
        return Page();
    }

    private (DateOnly Start, DateOnly? End) Validate(Contract? existing)
    {
        if (existing is null && Products.All(p => p.Id != Input.ProductId))
            ModelState.AddModelError("Input.ProductId", L["Kies een product uit de lijst."]);
        if (!DateOnly.TryParseExact(Input.Start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) || start.Year is < 2000 or > 2100)
            ModelState.AddModelError("Input.Start", L["Vul een begindatum in, bijvoorbeeld 2025-07-01."]);
        DateOnly? end = null;
        if (!string.IsNullOrWhiteSpace(Input.End))
        {
            if (!DateOnly.TryParseExact(Input.End, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e) || e.Year is < 2000 or > 2100)
                ModelState.AddModelError("Input.End", L["Vul een einddatum in, bijvoorbeeld 2029-06-30, of laat het leeg."]);
            else if (e < start) ModelState.AddModelError("Input.End", L["De einddatum ligt voor de begindatum."]);
            else end = e;
        }
        if (Input.Municipalities.Count == 0)
            ModelState.AddModelError("Input.Municipalities", L["Kies minstens één gemeente."]);
        else if (Input.Municipalities.Any(m => Municipalities.All(x => x.Code != m)))
            ModelState.AddModelError("Input.Municipalities", L["Kies gemeenten uit regio {0}.", Region.Name]);
        return (start, end);
    }

    private async Task<bool> LoadAsync(int providerId, CancellationToken ct)
    {
        if (await scope.ResolveAsync(User, RegionId, ct) is not { } region || !await scope.IsInRegionAsync(providerId, region.Id, ct)) return false;
        Region = region;
        Provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == providerId, ct);
        Contracts = await db.Contracts.AsNoTracking().Include(c => c.Product).Include(c => c.Municipalities)
            .Where(c => c.ProviderId == providerId && c.Product!.RegionId == region.Id).OrderBy(c => c.Product!.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        Products = await db.Products.AsNoTracking().Where(p => p.RegionId == region.Id).OrderBy(p => p.SortOrder).ToListAsync(ct);
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.RegionId == region.Id).OrderBy(m => m.Name).ToListAsync(ct);
        History = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Contract" && a.ProviderId == providerId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(50).ToListAsync(ct);
        return true;
    }
}

public sealed class ContractInput
{
    public int? ProductId { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public List<string> Municipalities { get; set; } = [];
    public int Version { get; set; }
}
