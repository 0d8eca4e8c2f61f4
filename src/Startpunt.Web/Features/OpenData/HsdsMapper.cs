using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.OpenData;

/// <summary>
/// Turns Startpunt's entities into HSDS 3.1 objects: provider -> organization, offer -> service (a
/// service_at_location for its location, service_areas for help at home), availability -> service_capacity and
/// Startpunt features, history -> metadata. Brief objects carry only one-to-one fields, as HSDS's list schemas do.
/// </summary>
public sealed partial class HsdsMapper(
    HsdsCatalogue catalogue,
    IReadOnlyDictionary<string, Municipality> municipalities,
    IReadOnlyDictionary<string, Language> languages,
    IReadOnlyDictionary<string, TargetGroup> targetGroups,
    IReadOnlyDictionary<string, StoplightRules> rules,
    DateTime now,
    string baseUrl)
{
    /// <summary>At most this many history rows per object; the full history stays in Startpunt.</summary>
    public const int MetadataLimit = 25;

    private const string ApplicationProcess = "Voor dit aanbod heeft u meestal eerst een beschikking (indicatie) van uw gemeente nodig. " +
                                              "Vraag die aan bij het Wmo-loket of het wijkteam van uw gemeente. Daarna meldt u zich aan bij de aanbieder.";

    private static readonly HsdsUnit Places = new(HsdsIds.Of("unit/plaatsen"), "plaatsen", "Startpunt", "plaatsen");

    public ILookup<(string Type, int Id), AuditEntry> History { get; set; } = Array.Empty<AuditEntry>().ToLookup(a => (a.EntityType, a.EntityId));

    public HsdsCatalogue Catalogue => catalogue;

    public static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The service's last change: the offer itself, its provider, location, product, level or target groups.</summary>
    public DateTime LastModified(Offer o)
    {
        var times = new List<DateTime> { o.UpdatedAt, o.Provider!.UpdatedAt, o.Product!.UpdatedAt };
        if (o.Location is { } l) times.Add(l.UpdatedAt);
        if (o.ProductLevel is { } level) times.Add(level.UpdatedAt);
        times.AddRange(o.TargetGroups.Select(t => targetGroups.TryGetValue(t.TargetGroupCode, out var g) ? g.UpdatedAt : default));
        return times.Max();
    }

    public static Guid ServiceAtLocationId(Guid offer, Guid location) => HsdsIds.Of(offer, $"service-at-location/{location}");

    public HsdsService Service(Offer o, bool full, bool withOrganization = true)
    {
        var id = o.PublicId;
        var status = o.RemovedAt is not null ? "defunct" : o.Paused ? "temporarily closed" : "active";
        var groups = o.TargetGroups.Select(t => targetGroups.GetValueOrDefault(t.TargetGroupCode)).OfType<TargetGroup>().OrderBy(g => g.SortOrder).ToList();
        return new HsdsService
        {
            Id = id,
            OrganizationId = o.Provider!.PublicId,
            Name = o.ProductLevel is null ? o.Product!.Name : $"{o.Product!.Name} - {o.ProductLevel.Name}",
            AlternateName = $"{o.Product.Name} bij {o.Provider.Name}",
            Description = o.Description.Length > 0 ? o.Description : o.Product.Description,
            Url = status == "active" ? $"{baseUrl}/aanbod/{o.Id}" : null,
            Email = Email(o.Provider.Email),
            Status = status,
            ApplicationProcess = ApplicationProcess,
            EligibilityDescription = groups.Count == 0 ? null : "Voor: " + string.Join(", ", groups.Select(g => g.Name)) + ".",
            AssuredDate = o.Availability.ConfirmedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LastModified = Timestamp(LastModified(o)),
            Organization = withOrganization ? Organization(o.Provider, full: false) : null,
            Schedules = full ? Schedules(o) : null,
            ServiceAreas = full && o.LocationId is null ? o.ServiceArea.Select(m => ServiceArea(id, m.MunicipalityCode)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList() : null,
            ServiceAtLocations = full && o.Location is { } loc ? [ServiceAtLocation(o, loc, withService: false, details: true)] : null,
            Languages = full ? o.Languages.Select(l => new HsdsLanguage(HsdsIds.Of(id, $"language/{l.LanguageCode}"), id,
                languages.TryGetValue(l.LanguageCode, out var lang) ? lang.Name : l.LanguageCode, l.LanguageCode)).OrderBy(l => l.Code, StringComparer.Ordinal).ToList() : null,
            Capacities = full && o.Availability.FreePlaces is { } free
                ? [new HsdsCapacity(HsdsIds.Of(id, "capacity/plaatsen"), id, Places.Id, Places, free,
                    "Vrije plaatsen voor nieuwe cliënten, zoals de aanbieder ze opgeeft.", Timestamp(o.Availability.ConfirmedAt ?? o.UpdatedAt))]
                : null,
            Attributes = full ? Attributes(o, groups) : null,
            Metadata = full ? Metadata("Offer", o.Id, id, "service") : null,
        };
    }

    public HsdsOrganization Organization(Domain.Provider p, bool full, IReadOnlyList<Location>? locations = null, IReadOnlyList<HsdsService>? services = null) => new()
    {
        Id = p.PublicId,
        Name = p.Name,
        Description = p.Description.Length > 0 ? p.Description : p.Name,
        Email = Email(p.Email),
        Website = Website(p.Website),
        Phones = full && !string.IsNullOrWhiteSpace(p.Phone) ? [new HsdsPhone(HsdsIds.Of(p.PublicId, "phone"), p.PublicId, p.Phone.Trim(), "voice")] : null,
        OrganizationIdentifiers = full && !string.IsNullOrWhiteSpace(p.KvkNumber)
            ? [new HsdsOrganizationIdentifier(HsdsIds.Of(p.PublicId, "identifier/kvk"), p.PublicId, "NL-KVK", "KvK-nummer", p.KvkNumber)]
            : null,
        Locations = full ? locations?.Select(l => Location(l, p.PublicId, full: true)).ToList() : null,
        Metadata = full ? Metadata("Provider", p.Id, p.PublicId, "organization") : null,
        Services = full ? services : null,
    };

    /// <summary>A location; <paramref name="details"/> adds its phone, opening hours and accessibility, <paramref name="full"/> also its history.</summary>
    public HsdsLocation Location(Location l, Guid organizationId, bool full, bool? details = null)
    {
        var withDetails = details ?? full;
        var access = LocationAccessibility.Parse(l.Accessibility);
        var municipality = l.MunicipalityCode is null ? null : municipalities.GetValueOrDefault(l.MunicipalityCode);
        return new HsdsLocation
        {
            Id = l.PublicId,
            OrganizationId = organizationId,
            Name = l.Name,
            Latitude = l.Latitude,
            Longitude = l.Longitude,
            Transportation = access.Any(f => f.Code == "public-transport") ? "Bereikbaar met bus, tram of trein." : null,
            Addresses = [new HsdsAddress(HsdsIds.Of(l.PublicId, "address"), l.PublicId, $"{l.Street} {l.HouseNumber}", l.Town,
                municipality?.Name, municipality?.Province ?? "", l.Postcode, "NL", "physical")],
            Phones = withDetails && !string.IsNullOrWhiteSpace(l.Phone)
                ? [new HsdsPhone(HsdsIds.Of(l.PublicId, "phone"), null, l.Phone!.Trim(), "voice") { LocationId = l.PublicId }]
                : null,
            Schedules = withDetails ? LocationSchedules(l) : null,
            Accessibility = withDetails && access.Count > 0
                ? access.Select(f => new HsdsAccessibility(HsdsIds.Of(l.PublicId, $"accessibility/{f.Code}"), l.PublicId, f.Label, f.Hsds)).ToList()
                : null,
            Metadata = full ? Metadata("Location", l.Id, l.PublicId, "location") : null,
        };
    }

    /// <summary>
    /// A location's opening hours as weekly schedules: one per set of days with the same times (byday "MO,TU", opens_at,
    /// closes_at), and one for the days that are by appointment only (a description, no times).
    /// </summary>
    private static List<HsdsSchedule>? LocationSchedules(Location l)
    {
        var days = OpeningHours.Parse(l.OpeningHours);
        if (days.Count == 0) return null;
        return days.GroupBy(d => (d.Opens, d.Closes)).Select(g =>
        {
            var byday = string.Join(',', g.Select(d => OpeningHours.Code(d.Day)));
            var (opens, closes) = g.Key;
            return new HsdsSchedule(HsdsIds.Of(l.PublicId, $"schedule/{byday}"), null, "WEEKLY", "MO", byday,
                opens is null ? "Alleen op afspraak." : $"Open van {OpeningHours.Time(opens.Value)} tot {OpeningHours.Time(closes!.Value)} uur.")
            {
                LocationId = l.PublicId,
                OpensAt = opens is { } o ? OpeningHours.Time(o) : null,
                ClosesAt = closes is { } c ? OpeningHours.Time(c) : null,
            };
        }).ToList();
    }

    public HsdsServiceAtLocation ServiceAtLocation(Offer o, Location l, bool withService, int? distanceMetres = null, bool fullService = false, bool details = false) => new()
    {
        Id = ServiceAtLocationId(o.PublicId, l.PublicId),
        ServiceId = o.PublicId,
        LocationId = l.PublicId,
        Description = $"{(o.ProductLevel is null ? o.Product!.Name : $"{o.Product!.Name} - {o.ProductLevel.Name}")} van {o.Provider!.Name} op {l.Name}, {l.Town}.",
        Location = Location(l, o.Provider.PublicId, full: false, details: details || fullService),
        Service = withService ? Service(o, fullService) : null,
        Distance = distanceMetres,
    };

    private HsdsServiceArea ServiceArea(Guid serviceId, string code)
    {
        var m = municipalities.GetValueOrDefault(code);
        var name = m?.Name ?? code;
        return new HsdsServiceArea(HsdsIds.Of(serviceId, $"service-area/{code}"), serviceId, name,
            $"De aanbieder komt bij u thuis in gemeente {name} (CBS-code {code}{(m is { Province.Length: > 0 } ? $", provincie {m.Province}" : "")}).");
    }

    private static List<HsdsSchedule>? Schedules(Offer o)
    {
        if (o.LocationId is null || (o.Days == Weekdays.None && string.IsNullOrWhiteSpace(o.DayParts))) return null;
        var days = new (Weekdays Day, string Code)[]
        {
            (Weekdays.Monday, "MO"), (Weekdays.Tuesday, "TU"), (Weekdays.Wednesday, "WE"), (Weekdays.Thursday, "TH"),
            (Weekdays.Friday, "FR"), (Weekdays.Saturday, "SA"), (Weekdays.Sunday, "SU"),
        }.Where(d => o.Days.HasFlag(d.Day)).Select(d => d.Code).ToList();
        return [new HsdsSchedule(HsdsIds.Of(o.PublicId, "schedule"), o.PublicId, days.Count > 0 ? "WEEKLY" : null, "MO",
            days.Count > 0 ? string.Join(',', days) : null, string.IsNullOrWhiteSpace(o.DayParts) ? null : o.DayParts)];
    }

    private List<HsdsAttribute> Attributes(Offer o, List<TargetGroup> groups)
    {
        var list = new List<HsdsAttribute>();
        void Add(string taxonomy, string code, string linkType, string? value = null)
        {
            var term = catalogue.TermFor(taxonomy, code);
            list.Add(new HsdsAttribute(HsdsIds.Of(o.PublicId, $"attribute/{term.Id}"), o.PublicId, linkType, "service", term.Id, term, value, term.Name));
        }
        var product = o.Product!;
        Add(HsdsCatalogue.Catalogue, $"{o.RegionId}/product/{product.Code}", "service_type");
        if (o.ProductLevel is { } level) Add(HsdsCatalogue.Catalogue, $"{o.RegionId}/product/{product.Code}/niveau/{level.Code}", "service_type");
        Add(HsdsCatalogue.IwmoCategory, product.CategoryCode, "service_type", product.CategoryCode);
        Add(HsdsCatalogue.IwmoUnit, product.UnitCode, "unit", product.UnitCode);
        foreach (var g in groups) Add(HsdsCatalogue.TargetGroups, g.Code, "eligibility");

        var a = o.Availability;
        var light = rules.GetValueOrDefault(o.RegionId, StoplightRules.Default).Derive(a, now);
        Add(HsdsCatalogue.Features, "wachttijd-weken", "availability", a.WaitingWeeks.ToString(CultureInfo.InvariantCulture));
        Add(HsdsCatalogue.Features, "stoplicht", "availability", light.Colour switch
        {
            StoplightColour.Green => "groen", StoplightColour.Orange => "oranje", StoplightColour.Red => "rood", _ => "onbekend",
        });
        Add(HsdsCatalogue.Features, "aanmelden-mogelijk", "availability", a.IntakeOpen ? "true" : "false");
        if (a.ConfirmedAt is { } confirmed) Add(HsdsCatalogue.Features, "wachttijd-bevestigd-op", "availability", Timestamp(confirmed));
        if (product.Kind == ProductKind.Dagbesteding)
            Add(HsdsCatalogue.Features, "vervoer", "service_feature", o.Transport switch { Transport.WithWheelchair => "rolstoel", Transport.Yes => "ja", _ => "geen" });
        return list;
    }

    /// <summary>
    /// The history as HSDS metadata: one row per changed field, newest first. Who changed it is given as a role, not a
    /// name, and fields that may hold a person's name or an internal note are left out.
    /// </summary>
    private List<HsdsMetadata> Metadata(string entityType, int entityId, Guid resourceId, string resourceType)
    {
        var rows = new List<HsdsMetadata>();
        foreach (var entry in History[(entityType, entityId)].OrderByDescending(a => a.At).ThenByDescending(a => a.Id))
        {
            var changes = JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes) ?? [];
            foreach (var change in changes)
            {
                if (!PublishedFields.TryGetValue($"{entityType}.{change.Field}", out var field)) continue;
                rows.Add(new HsdsMetadata(HsdsIds.Of($"metadata/{entry.Id}/{change.Field}"), resourceId, resourceType,
                    entry.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    entry.Action switch { AuditActions.Created => "create", AuditActions.Removed => "delete", _ => "update" },
                    field, change.Old ?? "", change.New ?? "", entry.UserId is null ? "Startpunt" : "aanbieder"));
                if (rows.Count == MetadataLimit) return rows;
            }
        }
        return rows;
    }

    /// <summary>Startpunt's field -> the HSDS field (or Startpunt feature) it shows up in.</summary>
    private static readonly Dictionary<string, string> PublishedFields = new()
    {
        ["Offer.WaitingWeeks"] = "attributes.wachttijd-weken", ["Offer.IntakeOpen"] = "attributes.aanmelden-mogelijk",
        ["Offer.FreePlaces"] = "capacities.available", ["Offer.ConfirmedAt"] = "attributes.wachttijd-bevestigd-op",
        ["Offer.Description"] = "description", ["Offer.Days"] = "schedules.byday", ["Offer.DayParts"] = "schedules.description",
        ["Offer.Transport"] = "attributes.vervoer", ["Offer.Paused"] = "status", ["Offer.RemovedAt"] = "status",
        ["Offer.TargetGroups"] = "attributes.doelgroep", ["Offer.Languages"] = "languages.code", ["Offer.ServiceArea"] = "service_areas.name",
        ["Provider.Name"] = "name", ["Provider.KvkNumber"] = "organization_identifiers.identifier", ["Provider.Website"] = "website",
        ["Provider.Phone"] = "phones.number", ["Provider.Email"] = "email", ["Provider.Description"] = "description",
        ["Location.Name"] = "name", ["Location.Street"] = "addresses.address_1", ["Location.HouseNumber"] = "addresses.address_1",
        ["Location.Postcode"] = "addresses.postal_code", ["Location.Town"] = "addresses.city",
        ["Location.Latitude"] = "latitude", ["Location.Longitude"] = "longitude", ["Location.Phone"] = "phones.number",
        ["Location.OpeningHours"] = "schedules", ["Location.Accessibility"] = "accessibility.description",
    };

    /// <summary>Only addresses the HSDS schema accepts (format "email"); anything else is left out rather than published broken.</summary>
    internal static string? Email(string? email) => email is not null && EmailPattern().IsMatch(email.Trim()) ? email.Trim() : null;

    /// <summary>An absolute http(s) URL; "www.example.nl" gets https:// in front. Anything else is left out.</summary>
    internal static string? Website(string? website)
    {
        if (string.IsNullOrWhiteSpace(website)) return null;
        var text = website.Trim();
        if (!text.Contains("://", StringComparison.Ordinal)) text = "https://" + text;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.') ? uri.AbsoluteUri : null;
    }

    // The pattern ajv-formats uses for "email".
    [GeneratedRegex(@"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.IgnoreCase)]
    private static partial Regex EmailPattern();
}
