using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Domain;

namespace Startpunt.Bench;

public sealed record DataSetStats(int Regions, int Municipalities, int Providers, int Offers, int Locations, TimeSpan Took);

/// <summary>
/// A national data set, deterministic for a given size and reference day: the five content regions plus about 35
/// generated ones covering all 342 municipalities (grouped by province, in slices around its centre), providers and
/// offers spread over the PC4 centroids of pc4.csv (weighted by how many postcodes a region has, a proxy for
/// population), few large and many small providers, varied waiting times, freshness and target groups. Goes through
/// the real migrations and content import; the bulk rows are inserted with prepared statements in one transaction.
/// </summary>
public static class NationalDataSet
{
    public const int Version = 1;
    private const int Seed = 20261122;

    private static readonly (ProductKind Kind, double Weight)[] KindWeights =
        [(ProductKind.Begeleiding, 0.33), (ProductKind.Dagbesteding, 0.35), (ProductKind.Huishouden, 0.22), (ProductKind.Logeren, 0.10)];

    public static async Task<DataSetStats> GenerateAsync(WebApplication app, BenchOptions options, DateTime now)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
        var content = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var random = new Random(Seed);
        await AddRegionsAsync(db, content);

        var words = content.Demo();
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        var areas = (await db.PostcodeAreas.AsNoTracking().OrderBy(a => a.Pc4).ToListAsync())
            .Join(await db.Municipalities.AsNoTracking().Where(m => m.RegionId != null).ToListAsync(), a => a.MunicipalityCode, m => m.Code, (a, m) => (Area: a, m.RegionId))
            .ToLookup(x => x.RegionId!, x => x.Area);
        var municipalities = (await db.Municipalities.AsNoTracking().Where(m => m.RegionId != null).OrderBy(m => m.Code).ToListAsync())
            .ToLookup(m => m.RegionId!, m => m.Code);
        var products = (await db.Products.AsNoTracking().Include(p => p.Levels).Where(p => p.Kind != ProductKind.Vervoer).OrderBy(p => p.Id).ToListAsync())
            .ToLookup(p => p.RegionId);
        var groups = await db.TargetGroups.AsNoTracking().Where(t => !t.IsSector).OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync();
        var languages = await db.Languages.AsNoTracking().Where(l => l.Code != "nl").OrderBy(l => l.SortOrder).Select(l => l.Code).ToListAsync();

        var weights = regions.Select(r => (double)areas[r.Id].Count()).ToList();
        var providersPerRegion = Allocate(options.Providers, weights);
        var offersPerRegion = Allocate(options.Offers, weights);

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var insert = new Inserter(connection, tx, now);
        int providerId = 0, locationId = 0, offerId = 0, contractId = 0, locationCount = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < regions.Count; r++)
        {
            var region = regions[r];
            var regionAreas = areas[region.Id].ToList();
            var regionMunicipalities = municipalities[region.Id].ToList();
            var catalogue = products[region.Id].ToList();
            var kinds = KindWeights.Where(k => catalogue.Any(p => p.Kind == k.Kind)).ToList();
            var providerWeights = Enumerable.Range(0, providersPerRegion[r]).Select(_ => Math.Exp(Gaussian(random) * 0.9)).ToList();
            var offersPerProvider = Allocate(offersPerRegion[r] - providerWeights.Count, providerWeights).Select(n => n + 1).ToList();

            for (var p = 0; p < providerWeights.Count; p++)
            {
                var home = regionAreas[random.Next(regionAreas.Count)];
                var name = $"{Pick(random, words.ProviderNamePrefixes)} {Pick(random, words.ProviderNameCores)} {home.Place}";
                for (var n = 2; !names.Add(name); n++) name = $"{name.Split(" #")[0]} #{n}";
                var id = ++providerId;
                insert.Provider(id, name, $"{name} is een fictieve aanbieder voor de benchmark, gevestigd in {home.Place}.");

                var offerCount = offersPerProvider[p];
                var locations = new List<(int Id, PostcodeAreaLite Area, string Name, double Lat, double Lon)>();
                for (var l = 0; l < Math.Clamp(1 + offerCount / 8, 1, 6); l++)
                {
                    var area = l == 0 ? home : regionAreas[random.Next(regionAreas.Count)];
                    var lat = Math.Round(area.Latitude + (random.NextDouble() - 0.5) * 0.008, 6);
                    var lon = Math.Round(area.Longitude + (random.NextDouble() - 0.5) * 0.012, 6);
                    var locationName = l == 0 ? $"Hoofdlocatie {area.Place}" : $"Locatie {area.Place}";
                    locations.Add((++locationId, new PostcodeAreaLite(area.Pc4, area.Place, area.MunicipalityCode!), locationName, lat, lon));
                    insert.Location(locationId, id, locationName, Pick(random, words.StreetNames), random.Next(1, 200).ToString(CultureInfo.InvariantCulture),
                        $"{area.Pc4:D4} AB", area.Place, area.MunicipalityCode, lat, lon);
                    locationCount++;
                }

                var contracted = new HashSet<int>();
                for (var o = 0; o < offerCount; o++)
                {
                    var kind = WeightedPick(random, kinds);
                    var ofKind = catalogue.Where(c => c.Kind == kind.Kind).ToList();
                    var product = ofKind[random.Next(ofKind.Count)];
                    var level = product.Levels.Count == 0 ? null : product.Levels[random.Next(product.Levels.Count)];
                    var oid = ++offerId;
                    var atLocation = product.Delivery == Delivery.Location;
                    var location = atLocation ? locations[random.Next(locations.Count)] : default;
                    var kindKey = product.Kind.ToString().ToLowerInvariant();
                    var town = atLocation ? location.Area.Place : home.Place;
                    var activities = words.Activities.GetValueOrDefault(kindKey) ?? ["ondersteuning"];
                    var description = Pick(random, words.Descriptions.GetValueOrDefault(kindKey) ?? ["{provider} biedt {activity} in {town}."])
                        .Replace("{activity}", Pick(random, activities), StringComparison.Ordinal)
                        .Replace("{town}", town, StringComparison.Ordinal)
                        .Replace("{provider}", name, StringComparison.Ordinal);
                    var searchText = string.Join(' ', new[] { name, product.Name, level?.Name, atLocation ? location.Area.Place : null, atLocation ? location.Name : null, description }
                        .Where(s => !string.IsNullOrWhiteSpace(s)));
                    var roll = random.NextDouble();
                    var weeks = roll switch { < 0.1 => random.Next(8, 30), < 0.5 => random.Next(0, 3), < 0.8 => random.Next(3, 7), _ => random.Next(7, 27) };
                    var age = random.NextDouble() switch
                    {
                        < 0.72 => TimeSpan.FromHours(random.Next(1, 7 * 24)),
                        < 0.86 => TimeSpan.FromDays(random.Next(8, 14)),
                        _ => TimeSpan.FromDays(random.Next(15, 90)),
                    };
                    var transport = product.Kind == ProductKind.Dagbesteding
                        ? random.NextDouble() switch { < 0.45 => Transport.Yes, < 0.7 => Transport.WithWheelchair, _ => Transport.None }
                        : Transport.None;
                    insert.Offer(oid, id, region.Id, product.Id, level?.Id, atLocation ? location.Id : null, description, transport,
                        paused: random.NextDouble() < 0.03, intakeOpen: roll >= 0.1, weeks,
                        freePlaces: atLocation ? random.Next(0, 6) : null, confirmedAt: now - age, searchText, createdAt: now.AddDays(-random.Next(30, 700)), now);

                    foreach (var g in PickSome(random, groups, random.Next(1, 4))) insert.TargetGroup(oid, g);
                    insert.Language(oid, "nl");
                    if (random.NextDouble() < 0.3) foreach (var l in PickSome(random, languages, random.Next(1, 3))) insert.Language(oid, l);
                    if (!atLocation)
                    {
                        var area = random.NextDouble() < 0.3 ? regionMunicipalities
                            : PickSome(random, regionMunicipalities, random.Next(1, Math.Max(2, regionMunicipalities.Count / 2))).Append(home.MunicipalityCode!).Distinct().ToList();
                        foreach (var m in area) insert.ServiceArea(oid, m);
                    }
                    if (contracted.Add(product.Id))
                    {
                        var cid = ++contractId;
                        var ended = random.NextDouble() < 0.02;
                        insert.Contract(cid, id, product.Id, new DateOnly(2025, 1, 1), ended ? DateOnly.FromDateTime(now).AddDays(-random.Next(1, 60)) : null);
                        var covered = random.NextDouble() < 0.8 ? regionMunicipalities : PickSome(random, regionMunicipalities, Math.Max(1, regionMunicipalities.Count / 2));
                        foreach (var m in covered) insert.ContractMunicipality(cid, m);
                    }
                }
            }
        }
        await tx.CommitAsync();
        insert.Dispose();
        // What the portal itself does at start and every few hours: planner statistics.
        await db.OptimizeAsync(CancellationToken.None);
        return new DataSetStats(regions.Count, municipalities.Sum(g => g.Count()), providerId, offerId, locationCount,
            System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Regions for every municipality the content regions do not cover: per province, slices of about nine around its centre.</summary>
    private static async Task AddRegionsAsync(StartpuntDb db, ContentStore content)
    {
        var provinces = File.ReadLines(Path.Combine(content.OpenData, "gemeenten.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[^1]);
        var areas = await db.PostcodeAreas.AsNoTracking().Where(a => a.MunicipalityCode != null).ToListAsync();
        var centroids = areas.GroupBy(a => a.MunicipalityCode!).ToDictionary(g => g.Key, g => (Lat: g.Average(a => a.Latitude), Lon: g.Average(a => a.Longitude), Count: g.Count()));
        var free = await db.Municipalities.Where(m => m.RegionId == null).OrderBy(m => m.Code).ToListAsync();
        foreach (var province in free.GroupBy(m => provinces[m.Code]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = province.Where(m => centroids.ContainsKey(m.Code)).ToList();
            var centre = (Lat: members.Average(m => centroids[m.Code].Lat), Lon: members.Average(m => centroids[m.Code].Lon));
            var sorted = members.OrderBy(m => Math.Atan2(centroids[m.Code].Lat - centre.Lat, centroids[m.Code].Lon - centre.Lon)).ThenBy(m => m.Code).ToList();
            var slices = Math.Max(1, (int)Math.Round(sorted.Count / 9.0));
            for (var s = 0; s < slices; s++)
            {
                var slice = sorted.Skip(s * sorted.Count / slices).Take((s + 1) * sorted.Count / slices - s * sorted.Count / slices).ToList();
                var largest = slice.OrderByDescending(m => centroids[m.Code].Count).ThenBy(m => m.Code).First();
                var slug = "regio-" + new string(largest.Name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
                    .Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ' || c == '-').ToArray()).Replace(' ', '-');
                var region = new Region { Id = slug, Name = $"Regio {largest.Name}", Intro = "Een gegenereerde regio voor de benchmark.", Source = "benchmark" };
                db.Regions.Add(region);
                foreach (var m in slice) m.RegionId = region.Id;
                AddCatalogue(db, region.Id);
            }
        }
        await db.SaveChangesAsync();
    }

    private static void AddCatalogue(StartpuntDb db, string regionId)
    {
        var order = 0;
        void Add(string lot, string code, string name, string unit, string category, ProductKind kind, Delivery delivery, params string[] levels)
        {
            var l = new Lot { RegionId = regionId, Code = lot, Name = name, SortOrder = order };
            var product = new Product
            {
                RegionId = regionId, Lot = l, Code = code, Name = name, UnitCode = unit, CategoryCode = category, Kind = kind, Delivery = delivery, SortOrder = order++,
            };
            foreach (var (level, i) in levels.Select((x, i) => (x, i)))
                product.Levels.Add(new ProductLevel { Code = level.ToLowerInvariant(), Name = level, SortOrder = i });
            db.Products.Add(product);
        }
        Add("huishouden", "huishoudelijke-ondersteuning", "Huishoudelijke ondersteuning", "04", "01", ProductKind.Huishouden, Delivery.Home);
        Add("begeleiding", "begeleiding", "Begeleiding", "04", "02", ProductKind.Begeleiding, Delivery.Home, "Basis", "Extra");
        Add("dagbesteding", "dagbesteding", "Dagbesteding", "16", "07", ProductKind.Dagbesteding, Delivery.Location, "Basis", "Extra");
        Add("kortdurend-verblijf", "kortdurend-verblijf", "Kortdurend verblijf", "14", "04", ProductKind.Logeren, Delivery.Location);
    }

    /// <summary>Splits <paramref name="total"/> in proportion to the weights (largest remainder), so the parts add up exactly.</summary>
    private static List<int> Allocate(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToList();
        var parts = exact.Select(e => (int)Math.Floor(e)).ToList();
        foreach (var i in exact.Select((e, i) => (Remainder: e - Math.Floor(e), i)).OrderByDescending(x => x.Remainder).ThenBy(x => x.i).Take(total - parts.Sum()).Select(x => x.i))
            parts[i]++;
        return parts;
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    private static T Pick<T>(Random r, IReadOnlyList<T> from) => from[r.Next(from.Count)];

    private static (ProductKind Kind, double Weight) WeightedPick(Random r, List<(ProductKind Kind, double Weight)> from)
    {
        var x = r.NextDouble() * from.Sum(f => f.Weight);
        foreach (var f in from)
        {
            if ((x -= f.Weight) <= 0) return f;
        }
        return from[^1];
    }

    private static List<T> PickSome<T>(Random r, IReadOnlyList<T> from, int count) =>
        from.Select(x => (x, k: r.Next())).OrderBy(x => x.k).Take(Math.Min(count, from.Count)).Select(x => x.x).ToList();

    private sealed record PostcodeAreaLite(int Pc4, string Place, string Municipality);

    /// <summary>Prepared INSERTs, one per table, reused for every row (as EF would write them: TEXT dates, enum names).</summary>
    private sealed class Inserter(SqliteConnection connection, SqliteTransaction tx, DateTime now) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = [];

        public void Provider(int id, string name, string description) =>
            Run("INSERT INTO Providers (Id, Name, Description, IsDemo, PublicId, UpdatedAt, Version) VALUES ($0, $1, $2, 1, $3, $4, 0)", id, name, description, PublicId(1, id), Date(now));

        public void Location(int id, int providerId, string name, string street, string number, string postcode, string town, string? municipality, double lat, double lon) =>
            Run("INSERT INTO Locations (Id, ProviderId, Name, Street, HouseNumber, Postcode, Town, MunicipalityCode, Latitude, Longitude, PublicId, UpdatedAt, Version) VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0)",
                id, providerId, name, street, number, postcode, town, municipality, lat, lon, PublicId(2, id), Date(now));

        public void Offer(int id, int providerId, string regionId, int productId, int? levelId, int? locationId, string description, Transport transport,
            bool paused, bool intakeOpen, int weeks, int? freePlaces, DateTime confirmedAt, string searchText, DateTime createdAt, DateTime updatedAt) =>
            Run("""
                INSERT INTO Offers (Id, ProviderId, RegionId, ProductId, ProductLevelId, LocationId, Description, Days, DayParts, Transport, Paused, PausedReason,
                    IntakeOpen, WaitingWeeks, FreePlaces, ConfirmedAt, ConfirmedBy, SearchText, CreatedAt, UpdatedAt, Version, RemovedAt, PublicId)
                VALUES ($0, $1, $2, $3, $4, $5, $6, 31, NULL, $7, $8, NULL, $9, $10, $11, $12, 'Benchmark', $13, $14, $15, 0, NULL, $16)
                """,
                id, providerId, regionId, productId, levelId, locationId, description, transport.ToString(), paused ? 1 : 0, intakeOpen ? 1 : 0, weeks, freePlaces,
                Date(confirmedAt), searchText, Date(createdAt), Date(updatedAt), PublicId(3, id));

        /// <summary>A deterministic public id per table and row, in the text form EF Core stores a Guid in on SQLite.</summary>
        private static string PublicId(int table, int id)
        {
            var bytes = new byte[16];
            BitConverter.TryWriteBytes(bytes.AsSpan(0, 4), table);
            BitConverter.TryWriteBytes(bytes.AsSpan(12, 4), id);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout, as the app's own ids
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes).ToString().ToUpperInvariant();
        }

        public void TargetGroup(int offerId, string code) => Run("INSERT INTO OfferTargetGroup (OfferId, TargetGroupCode) VALUES ($0, $1)", offerId, code);

        public void Language(int offerId, string code) => Run("INSERT INTO OfferLanguage (OfferId, LanguageCode) VALUES ($0, $1)", offerId, code);

        public void ServiceArea(int offerId, string code) => Run("INSERT INTO OfferMunicipality (OfferId, MunicipalityCode) VALUES ($0, $1)", offerId, code);

        public void Contract(int id, int providerId, int productId, DateOnly start, DateOnly? end) =>
            Run("INSERT INTO Contracts (Id, ProviderId, ProductId, StartDate, EndDate, Version) VALUES ($0, $1, $2, $3, $4, 0)",
                id, providerId, productId, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        public void ContractMunicipality(int contractId, string code) =>
            Run("INSERT INTO ContractMunicipality (ContractId, MunicipalityCode) VALUES ($0, $1)", contractId, code);

        private static string Date(DateTime d) => d.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);

        private void Run(string sql, params object?[] values)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.Transaction = tx;
                command.CommandText = sql;
                for (var i = 0; i < values.Length; i++) command.Parameters.Add(new SqliteParameter("$" + i, null));
                command.Prepare();
                _commands[sql] = command;
            }
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }

        public void Dispose()
        {
            foreach (var c in _commands.Values) c.Dispose();
        }
    }
}
