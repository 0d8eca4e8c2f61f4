using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.Provider;

/// <summary>One row of the weekly update table as shown.</summary>
public sealed record UpdateRow(
    int ProviderId, int OfferId, string Product, string? Level, string? Place, bool Paused, Availability Availability, Stoplight Light,
    bool Overdue, int Version)
{
    /// <summary>What the person posted for this row; only that row shows the messages in ModelState.</summary>
    public RowInput? Input { get; init; }
    /// <summary>Rendered alone for htmx: the page's live region then gets the outcome.</summary>
    public bool IsFragment { get; init; }
    /// <summary>Set when a colleague saved this offer after the form was loaded.</summary>
    public Conflict? Conflict { get; init; }
    public bool Saved { get; init; }
    /// <summary>What tells this offer apart from another with the same product, level and place (see <see cref="OfferLabels"/>).</summary>
    public string? Distinction { get; init; }
}

public sealed record Conflict(string ByName, DateTime At);

/// <summary>What a provider posts for one offer: the waiting time, whether intake is open, free places.</summary>
public sealed class RowInput
{
    public string? WaitingWeeks { get; set; }
    public bool IntakeOpen { get; set; }
    public string? FreePlaces { get; set; }
    public int Version { get; set; }
}

/// <summary>The weekly update: read all of an organisation's offers, save one row, or confirm every unchanged offer.</summary>
public sealed class WeeklyUpdate(StartpuntDb db, Membership membership, TimeProvider clock, AuditActor actor, IStringLocalizer<SharedResource> L)
{
    public async Task<List<UpdateRow>> RowsAsync(int providerId, CancellationToken ct)
    {
        var offers = await Query(providerId).ToListAsync(ct);
        var rules = await db.StoplightRulesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var distinctions = await OfferLabels.DistinctionsAsync(db, offers, ct);
        return offers.Select(o => ToRow(o, rules, now, distinctions.GetValueOrDefault(o.Id)))
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.Product).ThenBy(r => r.Level).ThenBy(r => r.Place).ThenBy(r => r.OfferId)
            .ToList();
    }

    /// <summary>
    /// Validates and saves one row. A save is also a confirmation. Returns the row to show again; messages go into
    /// <paramref name="errors"/>. Null when the organisation has no such offer, or (nothing saved) its region deactivated it.
    /// </summary>
    public async Task<UpdateRow?> SaveRowAsync(int providerId, int offerId, RowInput input, ModelStateDictionary errors, CancellationToken ct)
    {
        var offer = await membership.EditableOffers(providerId).Include(o => o.Product).Include(o => o.ProductLevel).Include(o => o.Location)
            .SingleOrDefaultAsync(o => o.Id == offerId && o.ProviderId == providerId, ct);
        if (offer is null) return null;
        var rules = await db.StoplightRulesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var distinction = (await OfferLabels.DistinctionsAsync(db, await Query(providerId).ToListAsync(ct), ct))
            .GetValueOrDefault(offerId);

        if (!Validate(input, errors, out var weeks, out var places)) return ToRow(offer, rules, now, distinction) with { Input = input };

        // A colleague saved after this form was loaded: show what changed and let the person decide. Saving again
        // posts the version they have now seen.
        if (input.Version != offer.Version) return await ConflictRowAsync(offer, input, rules, now, distinction, ct);

        db.Entry(offer).Property(o => o.Version).OriginalValue = input.Version;
        offer.Availability.WaitingWeeks = weeks;
        offer.Availability.IntakeOpen = input.IntakeOpen;
        offer.Availability.FreePlaces = places;
        offer.Availability.ConfirmedAt = now;
        offer.Availability.ConfirmedBy = actor.UserName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by a colleague between our read and our write.
            db.ChangeTracker.Clear();
            offer = await db.Offers.Include(o => o.Product).Include(o => o.ProductLevel).Include(o => o.Location).SingleAsync(o => o.Id == offerId, ct);
            return await ConflictRowAsync(offer, input, rules, now, distinction, ct);
        }
        return ToRow(offer, rules, now, distinction) with { Saved = true };
    }

    public Task<string?> RegionOfAsync(int providerId, int offerId, CancellationToken ct) =>
        db.Offers.Where(o => o.Id == offerId && o.ProviderId == providerId).Select(o => o.RegionId).SingleOrDefaultAsync(ct);

    private async Task<UpdateRow> ConflictRowAsync(Offer offer, RowInput input, IReadOnlyDictionary<string, StoplightRules> rules, DateTime now, string? distinction, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Offer" && a.EntityId == offer.Id)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        return ToRow(offer, rules, now, distinction) with { Input = input, Conflict = new Conflict(last?.UserName ?? "?", last?.At ?? offer.UpdatedAt) };
    }

    /// <summary>
    /// "Alles klopt nog": confirms every offer whose version is still the one shown. Offers a colleague changed in the
    /// meantime are left alone and returned, so the person can look at them first.
    /// </summary>
    public async Task<(int Confirmed, List<int> Skipped)> ConfirmAllAsync(int providerId, IReadOnlyDictionary<int, int> shownVersions, CancellationToken ct)
    {
        var offers = await membership.EditableOffers(providerId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var skipped = new List<int>();
        var confirmed = 0;
        foreach (var offer in offers)
        {
            if (!shownVersions.TryGetValue(offer.Id, out var shown)) continue;
            if (shown != offer.Version) { skipped.Add(offer.Id); continue; }
            offer.Availability.ConfirmedAt = now;
            offer.Availability.ConfirmedBy = actor.UserName;
            confirmed++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A colleague saved one of these offers at the same moment: confirm nothing, so the person looks first.
            db.ChangeTracker.Clear();
            return (0, [.. shownVersions.Keys]);
        }
        return (confirmed, skipped);
    }

    private bool Validate(RowInput input, ModelStateDictionary errors, out int weeks, out int? places)
    {
        places = null;
        if (!int.TryParse(input.WaitingWeeks?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out weeks)
            || weeks > Availability.MaxWaitingWeeks)
            errors.AddModelError(nameof(RowInput.WaitingWeeks), L["Vul een aantal weken in van 0 tot en met {0}.", Availability.MaxWaitingWeeks]);
        if (!string.IsNullOrWhiteSpace(input.FreePlaces))
        {
            if (int.TryParse(input.FreePlaces.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p <= 9999)
                places = p;
            else errors.AddModelError(nameof(RowInput.FreePlaces), L["Vul een aantal vrije plaatsen in van 0 tot en met 9999, of laat het leeg."]);
        }
        return errors.ErrorCount == 0;
    }

    /// <summary>The offers the weekly update is about: those its people may change (not those of a region that deactivated it).</summary>
    private IQueryable<Offer> Query(int providerId) => membership.EditableOffers(providerId).AsNoTracking()
        .Include(o => o.Product).Include(o => o.ProductLevel).Include(o => o.Location);

    private static UpdateRow ToRow(Offer o, IReadOnlyDictionary<string, StoplightRules> rules, DateTime now, string? distinction) => new(
        o.ProviderId, o.Id, o.Product!.Name, o.ProductLevel?.Name, OfferLabels.Place(o), o.Paused, o.Availability,
        rules[o.RegionId].Derive(o.Availability, now),
        Confirmation.IsOverdue(o.Availability.ConfirmedAt, now),
        o.Version) { Distinction = distinction };
}
