using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Provider;

/// <summary>The choices the offer form shows, all limited to what the organisation may offer.</summary>
public sealed class OfferChoices
{
    /// <summary>Products the organisation holds an active contract for, with the municipalities it covers.</summary>
    public List<(Product Product, Region Region, HashSet<string> Municipalities)> Products { get; init; } = [];
    public List<Location> Locations { get; init; } = [];
    public List<Municipality> Municipalities { get; init; } = [];
    public List<TargetGroup> TargetGroups { get; init; } = [];
    public List<Language> Languages { get; init; } = [];
}

/// <summary>Create, change, pause, resume and remove an organisation's offers. Every write is attributed and audited.</summary>
public sealed class OfferEditor(StartpuntDb db, TimeProvider clock, AuditActor actor, IStringLocalizer<SharedResource> L)
{
    public async Task<OfferChoices> ChoicesAsync(int providerId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Product!.Levels).Include(c => c.Product!.Lot).Include(c => c.Municipalities)
            .Where(Contract.ActiveOn(today)).Where(c => c.ProviderId == providerId)
            .ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        var products = contracts.Where(c => c.Product!.Kind != ProductKind.Vervoer)
            .GroupBy(c => c.ProductId)
            .Select(g => (g.First().Product!, regions[g.First().Product!.RegionId], g.SelectMany(c => c.Municipalities.Select(m => m.MunicipalityCode)).ToHashSet()))
            .OrderBy(p => p.Item2.Name).ThenBy(p => p.Item1.Lot!.SortOrder).ThenBy(p => p.Item1.SortOrder).ToList();
        var codes = products.SelectMany(p => p.Item3).Distinct().ToList();
        return new OfferChoices
        {
            Products = products,
            Locations = await db.Locations.AsNoTracking().Where(l => l.ProviderId == providerId).OrderBy(l => l.Name).ToListAsync(ct),
            Municipalities = await db.Municipalities.AsNoTracking().Where(m => codes.Contains(m.Code)).OrderBy(m => m.Name).ToListAsync(ct),
            TargetGroups = await db.TargetGroups.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct),
            Languages = await db.Languages.AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync(ct),
        };
    }

    /// <summary>Checks the input against the organisation's contracts and data; adds messages to the model state.</summary>
    public void Validate(OfferInput input, OfferChoices choices, ModelStateDictionary state, string prefix = "Input")
    {
        var entry = choices.Products.FirstOrDefault(p => p.Product.Id == input.ProductId);
        if (input.ProductId is not null && entry.Product is null)
            state.AddModelError($"{prefix}.ProductId", L["U hebt geen contract voor dit product. Kies een product uit de lijst."]);
        if (entry.Product is { } product)
        {
            if (input.LevelId is not null && product.Levels.All(l => l.Id != input.LevelId))
                state.AddModelError($"{prefix}.LevelId", L["Kies een niveau dat bij het product hoort."]);
            if (product.Delivery == Delivery.Location && choices.Locations.All(l => l.Id != input.LocationId))
                state.AddModelError($"{prefix}.LocationId", L["Kies de locatie waar dit aanbod is."]);
            if (product.Delivery == Delivery.Home)
            {
                if (input.ServiceArea.Count == 0)
                    state.AddModelError($"{prefix}.ServiceArea", L["Kies minstens één gemeente waar u bij mensen thuis komt."]);
                else if (input.ServiceArea.Any(m => !entry.Municipalities.Contains(m)))
                    state.AddModelError($"{prefix}.ServiceArea", L["U hebt voor dit product geen contract in een van de gekozen gemeenten."]);
            }
        }
        if (input.TargetGroups.Count == 0)
            state.AddModelError($"{prefix}.TargetGroups", L["Kies minstens één doelgroep."]);
        else if (input.TargetGroups.Any(t => choices.TargetGroups.All(g => g.Code != t)))
            state.AddModelError($"{prefix}.TargetGroups", L["Kies doelgroepen uit de lijst."]);
        if (input.Languages.Count == 0)
            state.AddModelError($"{prefix}.Languages", L["Kies minstens één taal."]);
        else if (input.Languages.Any(t => choices.Languages.All(g => g.Code != t)))
            state.AddModelError($"{prefix}.Languages", L["Kies talen uit de lijst."]);
        if (!Enum.IsDefined(input.Transport))
            state.AddModelError($"{prefix}.Transport", L["Kies een keuze uit de lijst."]);
    }

    public async Task<Offer> CreateAsync(int providerId, OfferInput input, OfferChoices choices, CancellationToken ct)
    {
        var product = choices.Products.Single(p => p.Product.Id == input.ProductId).Product;
        var now = clock.GetUtcNow().UtcDateTime;
        var offer = new Offer { RegionId = product.RegionId, ProviderId = providerId, CreatedAt = now, UpdatedAt = now };
        Apply(offer, input, product);
        offer.Availability = new Availability
        {
            WaitingWeeks = input.WaitingWeeks ?? 0, IntakeOpen = input.IntakeOpen, FreePlaces = input.FreePlaces,
            ConfirmedAt = now, ConfirmedBy = actor.UserName,
        };
        db.Offers.Add(offer);
        await RefreshSearchTextAsync(offer, ct);
        await db.SaveChangesAsync(ct);
        return offer;
    }

    /// <summary>Saves changes when the version is still the one the person saw; false when a colleague was first.</summary>
    public async Task<bool> UpdateAsync(Offer offer, OfferInput input, OfferChoices choices, CancellationToken ct)
    {
        if (offer.Version != input.Version) return false;
        var product = choices.Products.Single(p => p.Product.Id == input.ProductId).Product;
        db.Entry(offer).Property(o => o.Version).OriginalValue = input.Version;
        Apply(offer, input, product);
        var a = offer.Availability;
        if (a.WaitingWeeks != input.WaitingWeeks || a.IntakeOpen != input.IntakeOpen || a.FreePlaces != input.FreePlaces)
        {
            a.WaitingWeeks = input.WaitingWeeks ?? 0;
            a.IntakeOpen = input.IntakeOpen;
            a.FreePlaces = input.FreePlaces;
            a.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
            a.ConfirmedBy = actor.UserName;
        }
        await RefreshSearchTextAsync(offer, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>
    /// Pause, resume and remove act on the offer as the person saw it (<paramref name="version"/>); false when a colleague
    /// changed it in the meantime, and nothing is saved then.
    /// </summary>
    public Task<bool> PauseAsync(Offer offer, int? version, string reason, CancellationToken ct) => SaveAsync(offer, version, o =>
    {
        o.Paused = true;
        o.PausedReason = reason.Trim();
    }, ct);

    public Task<bool> ResumeAsync(Offer offer, int? version, CancellationToken ct) => SaveAsync(offer, version, o =>
    {
        o.Paused = false;
        o.PausedReason = null;
    }, ct);

    public Task<bool> RemoveAsync(Offer offer, int? version, CancellationToken ct) =>
        SaveAsync(offer, version, o => o.RemovedAt = clock.GetUtcNow().UtcDateTime, ct);

    private async Task<bool> SaveAsync(Offer offer, int? version, Action<Offer> change, CancellationToken ct)
    {
        if (version != offer.Version) return false;
        db.Entry(offer).Property(o => o.Version).OriginalValue = version.Value;
        change(offer);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static void Apply(Offer offer, OfferInput input, Product product)
    {
        offer.ProductId = product.Id;
        offer.RegionId = product.RegionId;
        offer.ProductLevelId = input.LevelId;
        offer.LocationId = product.Delivery == Delivery.Location ? input.LocationId : null;
        offer.Description = (input.Description ?? "").Trim();
        offer.Days = product.Delivery == Delivery.Location ? input.Days.Aggregate(Weekdays.None, (a, d) => a | d) : Weekdays.None;
        offer.DayParts = string.IsNullOrWhiteSpace(input.DayParts) ? null : input.DayParts.Trim();
        offer.Transport = product.Kind == ProductKind.Dagbesteding ? input.Transport : Transport.None;
        Sync(offer.TargetGroups, input.TargetGroups, t => t.TargetGroupCode, c => new OfferTargetGroup { TargetGroupCode = c });
        Sync(offer.Languages, input.Languages, l => l.LanguageCode, c => new OfferLanguage { LanguageCode = c });
        Sync(offer.ServiceArea, product.Delivery == Delivery.Home ? input.ServiceArea : [], m => m.MunicipalityCode, c => new OfferMunicipality { MunicipalityCode = c });
    }

    private static void Sync<T>(List<T> current, List<string> wanted, Func<T, string> key, Func<string, T> create)
    {
        current.RemoveAll(x => !wanted.Contains(key(x)));
        foreach (var code in wanted.Distinct().Where(c => current.All(x => key(x) != c))) current.Add(create(code));
    }

    private async Task RefreshSearchTextAsync(Offer offer, CancellationToken ct)
    {
        offer.Provider ??= await db.Providers.FindAsync([offer.ProviderId], ct);
        offer.Product = await db.Products.FindAsync([offer.ProductId], ct);
        offer.ProductLevel = offer.ProductLevelId is { } l ? await db.ProductLevels.FindAsync([l], ct) : null;
        offer.Location = offer.LocationId is { } loc ? await db.Locations.FindAsync([loc], ct) : null;
        offer.RefreshSearchText();
    }
}
