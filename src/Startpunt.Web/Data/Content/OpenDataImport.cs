using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;

namespace Startpunt.Web.Data.Content;

/// <summary>Imports municipalities (gemeenten.csv, regions.csv) and postcode areas (pc4.csv) from shared/data.</summary>
public sealed class OpenDataImport(StartpuntDb db, ContentStore content, ILogger<OpenDataImport> log)
{
    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() };

    public async Task ImportMunicipalitiesAsync(CancellationToken ct)
    {
        var existing = await db.Municipalities.ToDictionaryAsync(m => m.Code, ct);
        foreach (var row in ReadCsv<GemeenteRow>("gemeenten.csv"))
        {
            if (!existing.TryGetValue(row.Code, out var m))
                db.Municipalities.Add(existing[row.Code] = m = new Municipality { Code = row.Code, Name = row.Name });
            m.Name = row.Name;
            m.Province = row.Province;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Region membership from regions.csv, keyed by the region's name as its region.yml gives it.</summary>
    public ILookup<string, string> RegionMemberships() =>
        ReadCsv<RegionRow>("regions.csv").ToLookup(r => r.Region, r => r.GemeenteCode, StringComparer.Ordinal);

    public async Task ImportPostcodesAsync(CancellationToken ct)
    {
        if (await db.PostcodeAreas.AnyAsync(ct)) return;
        var codesByName = await db.Municipalities.ToDictionaryAsync(m => m.Name, m => m.Code, ct);
        var areas = ReadCsv<Pc4Row>("pc4.csv").Select(r => new PostcodeArea
        {
            Pc4 = r.Pc4,
            Latitude = r.Lat,
            Longitude = r.Lon,
            Place = r.Place,
            MunicipalityCode = codesByName.GetValueOrDefault(r.Municipality),
        }).ToList();
        db.PostcodeAreas.AddRange(areas);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Imported {Count} postcode areas", areas.Count);
    }

    private IEnumerable<T> ReadCsv<T>(string file)
    {
        var path = Path.Combine(content.OpenData, file);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Open data file not found: {path}. Set Paths:OpenDataDirectory to the shared/data folder.", path);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, Csv);
        foreach (var row in csv.GetRecords<T>()) yield return row;
    }

    private sealed record GemeenteRow(string Code, string Name, string Province);
    private sealed record RegionRow(string Region, string GemeenteCode, string GemeenteName);
    private sealed record Pc4Row(int Pc4, double Lat, double Lon, string Place, string Municipality, string Province);
}
