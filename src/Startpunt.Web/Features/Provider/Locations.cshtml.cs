using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.History;
using Startpunt.Web.Geo;

namespace Startpunt.Web.Features.Provider;

/// <summary>
/// /aanbieder/{id}/locaties[/{locationId|nieuw}]: the organisation's addresses. Coordinates come from the postcode
/// table unless the person placed a pin on the map (or typed coordinates).
/// </summary>
[Authorize(Policy = Roles.Provider)]
public sealed class LocationsModel(Membership membership, StartpuntDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>The weekdays of the opening-hours rows, Monday first (keys of the shared texts).</summary>
    public static readonly string[] DayNames = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];

    public Domain.Provider Organisation { get; private set; } = null!;
    public List<Location> Locations { get; private set; } = [];
    public Location? Editing { get; private set; }
    public bool IsForm { get; private set; }
    [BindProperty] public LocationInput Input { get; set; } = new();
    [TempData] public string? Status { get; set; }
    /// <summary>Set when a colleague saved this location after the form was loaded.</summary>
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int providerId, string? locationId, CancellationToken ct)
    {
        if (!await LoadAsync(providerId, locationId, ct)) return NotFound();
        if (Editing is { } l)
            Input = new LocationInput
            {
                Name = l.Name, Street = l.Street, HouseNumber = l.HouseNumber, Postcode = l.Postcode, Town = l.Town,
                Latitude = l.Latitude.ToString(CultureInfo.InvariantCulture), Longitude = l.Longitude.ToString(CultureInfo.InvariantCulture),
                Phone = l.Phone, Accessibility = LocationAccessibility.Parse(l.Accessibility).Select(f => f.Code).ToList(),
                Hours = OpeningHoursInput.From(l.OpeningHours), Version = l.Version,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int providerId, string? locationId, CancellationToken ct)
    {
        if (!await LoadAsync(providerId, locationId, ct) || !IsForm) return NotFound();
        PostcodeArea? area = null;
        if (!string.IsNullOrWhiteSpace(Input.Postcode))
        {
            if (Postcode.TryParse(Input.Postcode, out var pc) != PostcodeProblem.None || pc.Letters is null)
                ModelState.AddModelError("Input.Postcode", L["Een postcode heeft 4 cijfers en daarna 2 letters, bijvoorbeeld 1621 AB."]);
            else if ((area = await db.PostcodeAreas.AsNoTracking().SingleOrDefaultAsync(p => p.Pc4 == pc.Pc4, ct)) is null)
                ModelState.AddModelError("Input.Postcode", L["We kennen postcode {0} niet. Kijk of u de postcode goed hebt getypt.", pc.ToString()]);
            else Input.Postcode = pc.ToString();
        }
        var pin = ParsePin(Input.Latitude, Input.Longitude);
        if (pin is null && !(string.IsNullOrWhiteSpace(Input.Latitude) && string.IsNullOrWhiteSpace(Input.Longitude)))
            ModelState.AddModelError("Input.Latitude", L["Deze plek ligt niet in Nederland. Zet de speld opnieuw of laat de velden leeg."]);
        if (Input.Accessibility.Any(c => !LocationAccessibility.IsKnown(c)))
            ModelState.AddModelError("Input.Accessibility", L["Kies alleen uit de lijst."]);
        var hours = OpeningHoursInput.Read(Input.Hours, ModelState, L);
        if (!ModelState.IsValid) return Page();

        var location = Editing is null ? null : await db.Locations.SingleAsync(l => l.Id == Editing.Id, ct);
        if (location is null)
        {
            location = new Location { ProviderId = providerId, Name = "", Street = "", HouseNumber = "", Postcode = "", Town = "" };
            db.Locations.Add(location);
        }
        else if (location.Version != Input.Version) return await ConflictAsync(location, ct);
        else db.Entry(location).Property(l => l.Version).OriginalValue = Input.Version;
        var postcodeChanged = location.Postcode != Input.Postcode;
        location.Name = Input.Name.Trim();
        location.Street = Input.Street.Trim();
        location.HouseNumber = Input.HouseNumber.Trim();
        location.Postcode = Input.Postcode!;
        location.Town = Input.Town.Trim();
        location.MunicipalityCode = area!.MunicipalityCode;
        location.Phone = string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone.Trim();
        location.Accessibility = LocationAccessibility.Format(Input.Accessibility);
        location.OpeningHours = hours;
        // A pin the person placed (or coordinates they typed) wins; otherwise a new or changed postcode puts the
        // location at the postcode area's point.
        var pinMoved = pin is { } p && (location.Id == 0 || p.Lat != location.Latitude || p.Lon != location.Longitude);
        if (pinMoved) (location.Latitude, location.Longitude) = pin!.Value;
        else if (postcodeChanged || location.Id == 0) (location.Latitude, location.Longitude) = (area.Latitude, area.Longitude);
        // Offers at this location carry its name and town in their search text: changed in the same save, so never half.
        if (location.Id != 0)
        {
            foreach (var offer in await db.Offers.Include(o => o.Provider).Include(o => o.Product).Include(o => o.ProductLevel).Include(o => o.Location)
                         .Where(o => o.LocationId == location.Id).ToListAsync(ct))
                offer.RefreshSearchText();
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A colleague saved between our read and our write.
            db.ChangeTracker.Clear();
            return await ConflictAsync(await db.Locations.AsNoTracking().SingleAsync(l => l.Id == location.Id, ct), ct);
        }
        Status = L["De locatie is opgeslagen."];
        return RedirectToPage("/Provider/Locations", new { providerId, locationId = "" });
    }

    /// <summary>The form again with the person's input, what the colleague changed, and the version now seen.</summary>
    private async Task<IActionResult> ConflictAsync(Location current, CancellationToken ct)
    {
        Conflict = HistoryWords.Conflict(await HistoryWords.LastAsync(db, "Location", current.Id, ct), L);
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
        return Page();
    }

    /// <summary>Coordinates within the Netherlands' bounding box, or null.</summary>
    internal static (double Lat, double Lon)? ParsePin(string? lat, string? lon)
    {
        if (!double.TryParse(lat?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            || !double.TryParse(lon?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var b)) return null;
        return a is >= 50.7 and <= 53.7 && b is >= 3.2 and <= 7.3 ? (Math.Round(a, 6), Math.Round(b, 6)) : null;
    }

    private async Task<bool> LoadAsync(int providerId, string? locationId, CancellationToken ct)
    {
        if (await membership.OrganisationAsync(User, providerId, ct) is not { } organisation) return false;
        Organisation = organisation;
        Locations = await db.Locations.AsNoTracking().Where(l => l.ProviderId == providerId).OrderBy(l => l.Name).ToListAsync(ct);
        if (locationId is null) return true;
        IsForm = true;
        if (locationId == "nieuw") return true;
        if (!int.TryParse(locationId, out var id)) return false;
        Editing = Locations.SingleOrDefault(l => l.Id == id);
        return Editing is not null;
    }
}

public sealed class LocationInput
{
    [Required(ErrorMessage = "Geef de locatie een naam.")]
    [StringLength(200, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Vul de straat in.")]
    [StringLength(200, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string Street { get; set; } = "";

    [Required(ErrorMessage = "Vul het huisnummer in.")]
    [StringLength(20, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string HouseNumber { get; set; } = "";

    [Required(ErrorMessage = "Vul de postcode in.")]
    [StringLength(10, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string? Postcode { get; set; }

    [Required(ErrorMessage = "Vul de plaats in.")]
    [StringLength(100, ErrorMessage = "Gebruik hooguit {1} tekens.")]
    public string Town { get; set; } = "";

    [RegularExpression(@"^\+?[0-9 ()-]{6,30}$", ErrorMessage = "Vul een telefoonnummer in met alleen cijfers, spaties en streepjes.")]
    public string? Phone { get; set; }

    /// <summary>Codes of <see cref="LocationAccessibility"/>.</summary>
    public List<string> Accessibility { get; set; } = [];

    /// <summary>Seven rows, Monday first.</summary>
    public List<OpeningDayInput> Hours { get; set; } = OpeningHoursInput.From(null);

    [StringLength(20)] public string? Latitude { get; set; }
    [StringLength(20)] public string? Longitude { get; set; }

    public int Version { get; set; }
}
