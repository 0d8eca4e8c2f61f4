using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Account;

namespace Startpunt.Web.Features.ContractManager;

/// <summary>What the new-provider form posts: the organisation, its first contract in the region, and its first person.</summary>
public sealed class NewProviderInput
{
    public string? Name { get; set; }
    public string? KvkNumber { get; set; }
    public int? ProductId { get; set; }
    public string? Email { get; set; }
}

/// <summary>
/// A new provider organisation in one flow: the organisation (name, unique KvK number), a first contract in the region
/// (so that it is the region's provider), and the invitation of its first person, who manages its people. All of it
/// is stored, or none: a mail that cannot be sent undoes the organisation too.
/// </summary>
public sealed class NewProvider(StartpuntDb db, UserManager<StartpuntUser> users, Invitations invitations, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public const int NameMaxLength = 200;

    public Task<List<Product>> ProductsAsync(string regionId, CancellationToken ct) =>
        db.Products.AsNoTracking().Where(p => p.RegionId == regionId).OrderBy(p => p.SortOrder).ToListAsync(ct);

    public async Task<int?> CreateAsync(Domain.Region region, NewProviderInput input, string invitedBy, ModelStateDictionary state, CancellationToken ct)
    {
        var name = input.Name?.Trim() ?? "";
        var kvk = input.KvkNumber?.Replace(" ", "", StringComparison.Ordinal).Trim() ?? "";
        var email = input.Email?.Trim() ?? "";
        if (name.Length == 0) state.AddModelError("Input.Name", L["Vul de naam van de organisatie in."]);
        else if (name.Length > NameMaxLength) state.AddModelError("Input.Name", L["Gebruik hooguit {0} tekens.", NameMaxLength]);
        if (kvk.Length != 8 || !kvk.All(char.IsAsciiDigit)) state.AddModelError("Input.KvkNumber", L["Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678."]);
        else if (await db.Providers.AnyAsync(p => p.KvkNumber == kvk, ct)) state.AddModelError("Input.KvkNumber", L["Er is al een aanbieder met dit KvK-nummer."]);
        if (!(await ProductsAsync(region.Id, ct)).Any(p => p.Id == input.ProductId)) state.AddModelError("Input.ProductId", L["Kies een product uit de lijst."]);
        if (email.Length == 0) state.AddModelError("Input.Email", L["Vul het e-mailadres in."]);
        else if (email.Length > 256 || !AccountEmailAttribute.IsAccountEmail(email)) state.AddModelError("Input.Email", L["Dit e-mailadres klopt niet."]);
        else if (await users.FindByEmailAsync(email) is not null) state.AddModelError("Input.Email", L["Er is al een account met dit e-mailadres."]);
        if (!state.IsValid) return null;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var provider = new Domain.Provider { Name = name, KvkNumber = kvk };
        var contract = new Contract { Provider = provider, ProductId = input.ProductId!.Value, StartDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) };
        contract.Municipalities.AddRange(await db.Municipalities.Where(m => m.RegionId == region.Id)
            .Select(m => new ContractMunicipality { MunicipalityCode = m.Code }).ToListAsync(ct));
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(ct);
        if (await invitations.CreateAsync(email, Roles.Provider, provider.Id, null, invitedBy, ct, organisationAdministrator: true) is null)
        {
            state.AddModelError("", L["De uitnodiging kon niet worden verstuurd. Probeer het later opnieuw."]);
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return null;
        }
        await transaction.CommitAsync(ct);
        return provider.Id;
    }
}
