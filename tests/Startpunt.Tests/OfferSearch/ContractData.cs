using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;

namespace Startpunt.Tests.OfferSearch;

/// <summary>
/// The fixed data set of the search contract: about 160 offers around Hoorn (and a few in Midden-Holland),
/// deterministic, built to exercise every rule: distances well apart and well away from the radius choices (so
/// that engines measuring the earth slightly differently still agree), offers sharing a place (ties), names that
/// differ only in case or accents, help at home with partial service areas, fresh / overdue / never confirmed
/// offers, closed intake, paused and removed offers, contracts that cover some municipalities, one that ended
/// yesterday and one that starts tomorrow, and descriptions from a small vocabulary without near-spellings.
/// </summary>
public static class ContractData
{
    public const string Region = "westfriesland";
    public static readonly (double Lat, double Lon, string Municipality) Hoorn = (52.6405, 5.0596, "GM0405");
    public static readonly (double Lat, double Lon, string Municipality) Enkhuizen = (52.7025, 5.2843, "GM0388");
    public static readonly (double Lat, double Lon, string Municipality) Gouda = (52.0119, 4.7079, "GM0513");
    public static readonly int[] Radii = [5, 10, 25, 50];

    /// <summary>The words descriptions are made of; none is within Meilisearch's typo distance of another.</summary>
    public static readonly string[] Activities =
        ["houtbewerking", "kookgroep", "tuinieren", "zorgboerderij", "muziek", "wandelen", "crèche", "computercursus", "schilderen", "fietsen"];

    private static readonly string[] ProviderNames =
    [
        "Zorg Noord", "zorg Noord", "Één Zorg", "Eerste Hulp", "De Hoeve", "Ambulant Team West", "Buurtkracht",
        "Stichting Samen", "Oost Begeleiding", "Atelier Kleur", "Het Erf", "Thuis Plus",
    ];

    public sealed record Summary(IReadOnlyList<int> Paused, IReadOnlyList<int> Removed, IReadOnlyList<int> Twins, int Offers);

    public static async Task<Summary> SeedAsync(StartpuntFactory app)
    {
        await using var db = app.CreateDb();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var random = new Random(20261116);
        var groups = await db.TargetGroups.Where(t => !t.IsSector).OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync();
        var languages = await db.Languages.Where(l => l.Code != "nl").OrderBy(l => l.SortOrder).Select(l => l.Code).Take(6).ToListAsync();
        var paused = new List<Offer>();
        var removed = new List<Offer>();
        var twins = new List<Offer>();
        var count = 0;

        async Task<List<Offer>> RegionAsync(string region, (double Lat, double Lon, string Municipality) centre, int offers, int providerCount, double stepKm)
        {
            var products = await db.Products.Include(p => p.Levels).Where(p => p.RegionId == region && p.Kind != ProductKind.Vervoer).OrderBy(p => p.Id).ToListAsync();
            var municipalities = await db.Municipalities.Where(m => m.RegionId == region).OrderBy(m => m.Code).Select(m => m.Code).ToListAsync();
            var providers = ProviderNames.Take(providerCount).Select(n => new Provider { Name = region == Region ? n : $"{n} Gouwe", Description = "" }).ToList();
            db.Providers.AddRange(providers);
            var contracts = new Dictionary<(Provider, int), Contract>();
            var created = new List<Offer>();
            var ring = 0;
            for (var i = 0; i < offers; i++)
            {
                var provider = providers[random.Next(providers.Count)];
                var product = products[random.Next(products.Count)];
                var level = product.Levels.Count == 0 || random.NextDouble() < 0.3 ? null : product.Levels[random.Next(product.Levels.Count)];
                var offer = new Offer { RegionId = region, Provider = provider, Product = product, ProductLevel = level, CreatedAt = now, UpdatedAt = now };
                if (product.Delivery == Delivery.Location)
                {
                    var km = NextDistance(ref ring, stepKm);
                    var bearing = ring * 137.508 * Math.PI / 180;
                    var lat = Math.Round(centre.Lat + km * Math.Cos(bearing) / 111.195, 6);
                    var lon = Math.Round(centre.Lon + km * Math.Sin(bearing) / (111.195 * Math.Cos(centre.Lat * Math.PI / 180)), 6);
                    offer.Location = new Location
                    {
                        Provider = provider, Name = $"Locatie {i}", Street = "Dorpsstraat", HouseNumber = $"{i + 1}", Postcode = "1621 AB",
                        Town = region != Region ? "Gouda" : km < 8 ? "Hoorn" : km < 20 ? "Wognum" : "Enkhuizen", MunicipalityCode = centre.Municipality, Latitude = lat, Longitude = lon,
                    };
                    offer.Transport = product.Kind == ProductKind.Dagbesteding ? (Transport)random.Next(3) : Transport.None;
                    var places = random.Next(-1, 6);
                    offer.Availability.FreePlaces = places >= 0 ? places : null;
                }
                else
                {
                    var area = random.NextDouble() < 0.35 ? municipalities : municipalities.Where(_ => random.NextDouble() < 0.4).ToList();
                    if (area.Count == 0) area = [municipalities[random.Next(municipalities.Count)]];
                    foreach (var code in area) offer.ServiceArea.Add(new OfferMunicipality { MunicipalityCode = code });
                }
                foreach (var g in groups.Where(_ => random.NextDouble() < 0.2).DefaultIfEmpty(groups[random.Next(groups.Count)]))
                    offer.TargetGroups.Add(new OfferTargetGroup { TargetGroupCode = g });
                offer.Languages.Add(new OfferLanguage { LanguageCode = "nl" });
                foreach (var l in languages.Where(_ => random.NextDouble() < 0.12)) offer.Languages.Add(new OfferLanguage { LanguageCode = l });
                var words = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Activities[random.Next(Activities.Length)]).Distinct();
                offer.Description = $"Wij bieden {string.Join(" en ", words)} voor wie dat wil.";
                offer.Availability.IntakeOpen = random.NextDouble() > 0.15;
                offer.Availability.WaitingWeeks = random.Next(0, 21);
                offer.Availability.ConfirmedAt = random.NextDouble() switch
                {
                    < 0.55 => now.AddHours(-random.Next(1, 24 * 6)),
                    < 0.70 => now.AddDays(-7 - random.Next(0, 6 * 24) / 24.0),
                    < 0.88 => now.AddDays(-15 - random.Next(0, 45)),
                    _ => null,
                };
                offer.RefreshSearchText();
                provider.Offers.Add(offer);
                created.Add(offer);

                if (!contracts.ContainsKey((provider, product.Id)))
                {
                    var contract = new Contract { Provider = provider, ProductId = product.Id, StartDate = today.AddYears(-1) };
                    foreach (var code in random.NextDouble() < 0.6 ? municipalities : municipalities.Where(_ => random.NextDouble() < 0.5))
                        contract.Municipalities.Add(new ContractMunicipality { MunicipalityCode = code });
                    contracts[(provider, product.Id)] = contract;
                    db.Contracts.Add(contract);
                }
            }
            // Contract dates at the edges: one that ended yesterday, one that starts tomorrow.
            var edges = contracts.Values.Take(2).ToList();
            if (edges.Count == 2)
            {
                edges[0].EndDate = today.AddDays(-1);
                edges[1].StartDate = today.AddDays(1);
            }
            count += created.Count;
            return created;
        }

        var offers = await RegionAsync(Region, Hoorn, 150, ProviderNames.Length, 0.29);
        await RegionAsync("midden-holland", Gouda, 14, 4, 1.7);

        // Exactly at the freshness limit still counts as confirmed.
        offers[3].Availability.ConfirmedAt = now.AddDays(-14);
        foreach (var o in offers.Where((_, i) => i % 19 == 7)) { o.Paused = true; o.PausedReason = "vol"; paused.Add(o); }
        foreach (var o in offers.Where((_, i) => i % 23 == 11)) { o.RemovedAt = now.AddDays(-1); removed.Add(o); }

        // Places shared by two providers: distance ties that only the provider name (ordinal: "Z" before "z",
        // "E" before "É") and then the id can break.
        var byName = db.ChangeTracker.Entries<Provider>().Select(e => e.Entity).Where(p => ProviderNames.Contains(p.Name)).ToDictionary(p => p.Name);
        foreach (var (first, second) in new[] { ("Zorg Noord", "zorg Noord"), ("Één Zorg", "Eerste Hulp"), ("De Hoeve", "Het Erf"), ("Atelier Kleur", "Buurtkracht") })
        {
            var original = offers.FirstOrDefault(o => o.Provider == byName[first] && o.Location is not null && !o.Paused && o.RemovedAt is null);
            if (original is null) continue;
            var other = byName[second];
            var twin = new Offer
            {
                RegionId = Region, Provider = other, Product = original.Product, CreatedAt = now, UpdatedAt = now,
                Description = original.Description, Transport = original.Transport,
                Availability = new Availability { IntakeOpen = true, WaitingWeeks = original.Availability.WaitingWeeks, ConfirmedAt = original.Availability.ConfirmedAt },
                Location = new Location
                {
                    Provider = other, Name = original.Location!.Name, Street = "Dorpsstraat", HouseNumber = "1", Postcode = "1621 AB",
                    Town = original.Location.Town, MunicipalityCode = original.Location.MunicipalityCode,
                    Latitude = original.Location.Latitude, Longitude = original.Location.Longitude,
                },
            };
            twin.TargetGroups.Add(new OfferTargetGroup { TargetGroupCode = groups[0] });
            twin.Languages.Add(new OfferLanguage { LanguageCode = "nl" });
            twin.RefreshSearchText();
            other.Offers.Add(twin);
            twins.Add(twin);
            count++;
        }

        await db.SaveChangesAsync();
        return new Summary(paused.Select(o => o.Id).ToList(), removed.Select(o => o.Id).ToList(), twins.Select(o => o.Id).ToList(), count);
    }

    /// <summary>
    /// Distances from the centre that are at least 100 m away from every radius choice; successive rings lie
    /// <paramref name="stepKm"/> apart, so no two places are equally far except on purpose.
    /// </summary>
    private static double NextDistance(ref int ring, double stepKm)
    {
        while (true)
        {
            var km = 0.37 + ring++ * stepKm;
            if (Radii.All(r => Math.Abs(km - r) > 0.1)) return km;
        }
    }

    /// <summary>Checks what the data set promises about distances, with the engines' own formula.</summary>
    public static async Task AssertDistancesAreUnambiguousAsync(StartpuntFactory app)
    {
        await using var db = app.CreateDb();
        var points = await db.Offers.Where(o => o.RegionId == Region && o.Location != null)
            .Select(o => new { o.Location!.Latitude, o.Location.Longitude }).Distinct().ToListAsync();
        var distances = points.Select(p => Distance.Km(Hoorn.Lat, Hoorn.Lon, p.Latitude, p.Longitude)).Order().ToList();
        Assert.All(distances, d => Assert.All(Radii, r => Assert.True(Math.Abs(d - r) > 0.05, $"{d} km is too close to {r} km")));
        Assert.All(distances.Zip(distances.Skip(1)), pair => Assert.True(pair.Second - pair.First > 0.01, $"{pair.First} and {pair.Second} km are too close"));
    }
}
