using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;

namespace Startpunt.Web.Data.Content;

/// <summary>
/// Fictional providers and offers for the five seed regions, spread over each region's real towns. Deterministic:
/// the same content and clock give the same data, so tests can rely on it.
/// </summary>
public sealed class DemoSeeder(StartpuntDb db, ContentStore content, TimeProvider clock, ILogger<DemoSeeder> log)
{
    public const int ProvidersPerRegion = 30;
    public const int MinOffersPerRegion = 170;
    public const string ConfirmedBy = "Demo-medewerker";
    public const int LargeProviderOffers = 20;

    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);

    public async Task SeedAsync(CancellationToken ct)
    {
        var words = content.Demo();
        var now = clock.GetUtcNow().UtcDateTime;
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        var targetGroups = await db.TargetGroups.AsNoTracking().Where(t => !t.IsSector).OrderBy(t => t.SortOrder).ToListAsync(ct);
        var languages = await db.Languages.AsNoTracking().Where(l => l.Code != "nl").OrderBy(l => l.SortOrder).Select(l => l.Code).ToListAsync(ct);
        foreach (var region in regions)
        {
            var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.RegionId == region.Id).OrderBy(m => m.Code).ToListAsync(ct);
            var codes = municipalities.Select(m => m.Code).ToList();
            var areas = await db.PostcodeAreas.AsNoTracking().Where(p => codes.Contains(p.MunicipalityCode!)).OrderBy(p => p.Pc4).ToListAsync(ct);
            var products = await db.Products.AsNoTracking().Include(p => p.Levels)
                .Where(p => p.RegionId == region.Id && p.Kind != ProductKind.Vervoer).OrderBy(p => p.SortOrder).ToListAsync(ct);
            var random = new Random(StableSeed(region.Id));
            var ctx = new RegionContext(region, codes, areas, products, targetGroups, languages, words, random, now);
            var offers = SeedRegion(ctx);
            db.ImportingHistory = true;
            await db.SaveChangesAsync(ct);
            db.ImportingHistory = false;
            AddHistory(ctx);
            await db.SaveChangesAsync(ct);
            log.LogInformation("Demo content for {Region}: {Providers} providers, {Offers} offers", region.Name, ProvidersPerRegion, offers);
        }
    }

    private sealed record RegionContext(
        Region Region, List<string> Municipalities, List<PostcodeArea> Areas, List<Product> Products,
        List<TargetGroup> TargetGroups, List<string> Languages, DemoFile Words, Random Random, DateTime Now);

    private int SeedRegion(RegionContext c)
    {
        var providers = Enumerable.Range(0, ProvidersPerRegion).Select(_ => NewProvider(c)).ToList();
        var kinds = c.Products.Select(p => p.Kind).Distinct().ToList();
        var specialties = providers.ToDictionary(p => p, _ => Pick(c.Random, kinds, c.Random.Next(1, Math.Min(3, kinds.Count) + 1)));
        var contracts = new Dictionary<(Provider, int), Contract>();
        var count = 0;
        foreach (var provider in providers)
        {
            // Every region has one large organisation: the demo provider account keeps its 20 offers current.
            var n = provider == providers[0] ? LargeProviderOffers : c.Random.Next(3, 9);
            for (var i = 0; i < n; i++, count++) AddOffer(c, provider, specialties[provider], contracts);
        }
        while (count < MinOffersPerRegion)
        {
            var provider = providers[c.Random.Next(providers.Count)];
            AddOffer(c, provider, specialties[provider], contracts);
            count++;
        }
        return count;
    }

    private Provider NewProvider(RegionContext c)
    {
        string name;
        do
        {
            name = $"{c.Words.ProviderNamePrefixes[c.Random.Next(c.Words.ProviderNamePrefixes.Count)]} {c.Words.ProviderNameCores[c.Random.Next(c.Words.ProviderNameCores.Count)]}";
        } while (!_usedNames.Add(name));
        var slug = new string(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        var home = c.Areas[c.Random.Next(c.Areas.Count)];
        var provider = new Provider
        {
            Name = name,
            KvkNumber = c.Random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Website = $"https://www.{slug}.example",
            Email = $"info@{slug}.example",
            Phone = $"0{c.Random.Next(100, 999)} {c.Random.Next(100, 999)} {c.Random.Next(100, 999)}",
            Description = $"{name} is een fictieve aanbieder voor de demo van Startpunt, gevestigd in {home.Place}.",
            IsDemo = true,
        };
        provider.Locations.Add(NewLocation(c, provider, home, "Hoofdlocatie"));
        db.Providers.Add(provider);
        return provider;
    }

    private Location NewLocation(RegionContext c, Provider provider, PostcodeArea area, string label)
    {
        var letters = $"{(char)('A' + c.Random.Next(0, 18))}{(char)('A' + c.Random.Next(0, 26))}";
        // A few hundred metres around the area's point, so locations in one town do not stack on one pin.
        var location = new Location
        {
            Name = $"{label} {area.Place}",
            Street = c.Words.StreetNames[c.Random.Next(c.Words.StreetNames.Count)],
            HouseNumber = c.Random.Next(1, 180).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Postcode = $"{area.Pc4:D4} {letters}",
            Town = area.Place,
            MunicipalityCode = area.MunicipalityCode,
            Latitude = Math.Round(area.Latitude + (c.Random.NextDouble() - 0.5) * 0.008, 6),
            Longitude = Math.Round(area.Longitude + (c.Random.NextDouble() - 0.5) * 0.012, 6),
            Provider = provider,
        };
        DemoLocationDetails(location);
        return location;
    }

    /// <summary>
    /// Invented phone, opening hours and accessibility for a demo location (its provider is marked demo). Drawn from
    /// the location's own name and postcode, not from the generator's sequence, so the rest of the demo stays as it was.
    /// </summary>
    internal static void DemoLocationDetails(Location location)
    {
        var random = new Random(StableSeed($"{location.Name}|{location.Postcode}|{location.HouseNumber}"));
        if (random.NextDouble() < 0.7)
            location.Phone = $"0{random.Next(100, 999)} {random.Next(100, 999)} {random.Next(100, 999)}";
        location.Accessibility = LocationAccessibility.Format(LocationAccessibility.All.Where(_ => random.NextDouble() < 0.6).Select(f => f.Code));
        var (opens, closes) = random.Next(3) switch { 0 => (new TimeOnly(8, 30), new TimeOnly(16, 30)), 1 => (new TimeOnly(9, 0), new TimeOnly(17, 0)), _ => (new TimeOnly(9, 30), new TimeOnly(15, 30)) };
        var days = OpeningHours.Week.Take(5).Where(_ => random.NextDouble() < 0.85).Select(d => new OpeningDay(d.Day, opens, closes)).ToList();
        if (random.NextDouble() < 0.3) days.Add(new OpeningDay(DayOfWeek.Saturday, null, null));
        location.OpeningHours = OpeningHours.Format(days);
    }

    private void AddOffer(RegionContext c, Provider provider, List<ProductKind> kinds, Dictionary<(Provider, int), Contract> contracts)
    {
        var candidates = c.Products.Where(p => kinds.Contains(p.Kind)).ToList();
        var product = candidates[c.Random.Next(candidates.Count)];
        var level = product.Levels.Count == 0 ? null : product.Levels[c.Random.Next(product.Levels.Count)];
        var kindKey = product.Kind.ToString().ToLowerInvariant();
        var offer = new Offer
        {
            RegionId = c.Region.Id,
            Provider = provider,
            ProductId = product.Id,
            ProductLevelId = level?.Id,
            CreatedAt = c.Now.AddDays(-c.Random.Next(30, 400)),
            UpdatedAt = c.Now,
        };

        Location? location = null;
        if (product.Delivery == Delivery.Location)
        {
            // Most providers work from a few places; reuse one or open another in a different town.
            location = provider.Locations.Count < 3 && c.Random.NextDouble() < 0.5
                ? NewLocationFor(c, provider)
                : provider.Locations[c.Random.Next(provider.Locations.Count)];
            offer.Location = location;
            offer.Days = RandomDays(c.Random);
            offer.DayParts = c.Random.NextDouble() < 0.5 ? "ochtend en middag" : c.Random.NextDouble() < 0.5 ? "ochtend" : "middag";
            if (product.Kind == ProductKind.Logeren) { offer.Days = Weekdays.None; offer.DayParts = "weekend of midweek, per etmaal"; }
            offer.Transport = product.Kind == ProductKind.Dagbesteding
                ? (c.Random.NextDouble() switch { < 0.45 => Transport.Yes, < 0.7 => Transport.WithWheelchair, _ => Transport.None })
                : Transport.None;
        }
        else
        {
            var all = c.Random.NextDouble() < 0.7;
            var home = provider.Locations[0].MunicipalityCode!;
            var area = all ? c.Municipalities : Pick(c.Random, c.Municipalities, c.Random.Next(1, c.Municipalities.Count + 1)).Append(home).Distinct().ToList();
            foreach (var code in area) offer.ServiceArea.Add(new OfferMunicipality { MunicipalityCode = code });
        }

        foreach (var g in Pick(c.Random, c.TargetGroups, c.Random.Next(1, 4)))
            offer.TargetGroups.Add(new OfferTargetGroup { TargetGroupCode = g.Code });
        offer.Languages.Add(new OfferLanguage { LanguageCode = "nl" });
        if (c.Random.NextDouble() < 0.3)
            foreach (var l in Pick(c.Random, c.Languages, c.Random.Next(1, 3))) offer.Languages.Add(new OfferLanguage { LanguageCode = l });

        var activities = c.Words.Activities.GetValueOrDefault(kindKey) ?? ["ondersteuning"];
        var templates = c.Words.Descriptions.GetValueOrDefault(kindKey) ?? ["{provider} biedt {activity} in {town}."];
        var town = location?.Town ?? provider.Locations[0].Town;
        offer.Description = templates[c.Random.Next(templates.Count)]
            .Replace("{activity}", activities[c.Random.Next(activities.Count)], StringComparison.Ordinal)
            .Replace("{town}", town, StringComparison.Ordinal)
            .Replace("{provider}", provider.Name, StringComparison.Ordinal);
        offer.Availability = RandomAvailability(c, product);
        offer.Product = product;
        offer.ProductLevel = level;
        offer.RefreshSearchText();
        // The catalogue entities are read without tracking; attach them by key only.
        offer.Product = null;
        offer.ProductLevel = null;
        provider.Offers.Add(offer);

        if (!contracts.ContainsKey((provider, product.Id)))
        {
            var contract = new Contract { ProductId = product.Id, StartDate = new DateOnly(2025, 7, 1) };
            var covered = c.Random.NextDouble() < 0.8 ? c.Municipalities : Pick(c.Random, c.Municipalities, Math.Max(1, c.Municipalities.Count / 2));
            foreach (var code in covered) contract.Municipalities.Add(new ContractMunicipality { MunicipalityCode = code });
            provider.Contracts.Add(contract);
            contracts[(provider, product.Id)] = contract;
        }
    }

    /// <summary>
    /// Weekly history for the last months, ending at each offer's current availability, so that the waiting-time trends
    /// and the freshness figures of a contract manager have something to show.
    /// </summary>
    private void AddHistory(RegionContext c)
    {
        var offers = db.ChangeTracker.Entries<Offer>().Select(e => e.Entity).Where(o => o.RegionId == c.Region.Id).OrderBy(o => o.Id).ToList();
        foreach (var offer in offers)
        {
            var start = offer.CreatedAt > c.Now.AddDays(-16 * 7) ? offer.CreatedAt : c.Now.AddDays(-16 * 7);
            var end = offer.Availability.ConfirmedAt ?? c.Now;
            var weeks = Math.Max(0, (int)((end - start).TotalDays / 7));
            // A random walk backwards from today's value gives the earlier values.
            var values = new int[weeks + 1];
            values[weeks] = offer.Availability.WaitingWeeks;
            for (var i = weeks - 1; i >= 0; i--)
                values[i] = Math.Clamp(values[i + 1] + (c.Random.NextDouble() < 0.6 ? 0 : c.Random.Next(-2, 3)), 0, 40);
            db.AuditEntries.Add(History(offer, AuditActions.Created, start, [new("WaitingWeeks", null, Text(values[0]))]));
            for (var i = 1; i <= weeks; i++)
            {
                var at = i == weeks ? end : start.AddDays(7 * i).AddHours(c.Random.Next(0, 48));
                db.AuditEntries.Add(values[i] == values[i - 1]
                    ? History(offer, AuditActions.Confirmed, at, [new("ConfirmedAt", null, at.ToString("O", System.Globalization.CultureInfo.InvariantCulture))])
                    : History(offer, AuditActions.Updated, at, [new("WaitingWeeks", Text(values[i - 1]), Text(values[i]))]));
            }
        }
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static AuditEntry History(Offer offer, string action, DateTime at, List<FieldChange> changes) => new()
    {
        EntityType = "Offer", EntityId = offer.Id, ProviderId = offer.ProviderId, Action = action, At = at,
        UserName = ConfirmedBy, Changes = System.Text.Json.JsonSerializer.Serialize(changes),
    };

    private Location NewLocationFor(RegionContext c, Provider provider)
    {
        var location = NewLocation(c, provider, c.Areas[c.Random.Next(c.Areas.Count)], "Locatie");
        provider.Locations.Add(location);
        return location;
    }

    private static Availability RandomAvailability(RegionContext c, Product product)
    {
        var r = c.Random;
        var roll = r.NextDouble();
        var availability = new Availability
        {
            IntakeOpen = roll >= 0.1,
            WaitingWeeks = roll switch { < 0.1 => r.Next(8, 30), < 0.5 => r.Next(0, 3), < 0.8 => r.Next(3, 7), _ => r.Next(7, 27) },
            FreePlaces = product.Delivery == Delivery.Location ? (roll < 0.5 ? r.Next(1, 6) : 0) : null,
            ConfirmedBy = ConfirmedBy,
        };
        // Most offers confirmed this week, some overdue for a reminder, some no longer current ("onbekend").
        var age = r.NextDouble() switch { < 0.72 => TimeSpan.FromHours(r.Next(1, 7 * 24)), < 0.85 => TimeSpan.FromDays(r.Next(8, 14)), _ => TimeSpan.FromDays(r.Next(15, 70)) };
        availability.ConfirmedAt = c.Now - age;
        return availability;
    }

    private static Weekdays RandomDays(Random r)
    {
        var days = Weekdays.None;
        foreach (var d in new[] { Weekdays.Monday, Weekdays.Tuesday, Weekdays.Wednesday, Weekdays.Thursday, Weekdays.Friday })
            if (r.NextDouble() < 0.7) days |= d;
        return days == Weekdays.None ? Weekdays.Wednesday : days;
    }

    private static List<T> Pick<T>(Random r, IReadOnlyList<T> from, int count) =>
        from.OrderBy(_ => r.Next()).Take(Math.Min(count, from.Count)).ToList();

    private static int StableSeed(string s) => s.Aggregate(17, (h, ch) => unchecked(h * 31 + ch));
}
