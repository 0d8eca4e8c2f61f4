using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;

namespace Startpunt.Web.Features.OpenData;

/// <summary>
/// HSDS's tabular form: one CSV file per entity and a datapackage.json (Frictionless Data Package) that describes them.
/// Tables, file names and columns come from the official schema files (each entity's "path" and its one-to-one
/// properties, in the schema's order), so the package follows the specification it is checked against.
/// </summary>
public static class TabularPackage
{
    /// <summary>The tables written, by schema file; in this order in datapackage.json.</summary>
    private static readonly string[] Tables =
    [
        "organization", "organization_identifier", "service", "location", "service_at_location", "address", "phone", "schedule",
        "accessibility", "service_area", "language", "service_capacity", "unit", "attribute", "taxonomy", "taxonomy_term", "metadata",
    ];

    public static byte[] Build(RegionExportFile file, string schemaDirectory, DateTime generated)
    {
        var rows = Rows(file);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var resources = new JsonArray();
            foreach (var table in Tables)
            {
                var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(schemaDirectory, $"{table}.json")))!;
                var path = (string)schema["path"]!;
                var columns = Columns(schema);
                Write(zip, path, generated, stream => WriteCsv(stream, columns.Select(c => c.Name).ToList(), rows.GetValueOrDefault(table) ?? []));
                resources.Add(Resource(table, path, schema, columns));
            }
            var package = new JsonObject
            {
                ["profile"] = "tabular-data-package",
                ["name"] = $"startpunt-{file.Region.Id}",
                ["title"] = $"Startpunt: Wmo-aanbod in regio {file.Region.Name} (HSDS 3.1)",
                ["description"] = "Het Wmo-aanbod van de regio in de vorm van Open Referral HSDS 3.1. Uitleg: " + file.Documentation,
                ["homepage"] = file.Documentation,
                ["version"] = file.Generated,
                ["created"] = file.Generated,
                ["licenses"] = new JsonArray(new JsonObject { ["name"] = "CC0-1.0", ["title"] = "CC0 1.0", ["path"] = "https://creativecommons.org/publicdomain/zero/1.0/" }),
                ["resources"] = resources,
            };
            Write(zip, "datapackage.json", generated, stream => stream.Write(Encoding.UTF8.GetBytes(package.ToJsonString(new JsonSerializerOptions { WriteIndented = true }))));
        }
        return buffer.ToArray();
    }

    private sealed record Column(string Name, string Type, string? Format, string Description, bool Required);

    /// <summary>The one-to-one properties of a schema: its columns.</summary>
    private static List<Column> Columns(JsonNode schema)
    {
        var required = (schema["required"]?.AsArray() ?? []).Concat(schema["tabular_required"]?.AsArray() ?? []).Select(n => (string)n!).ToHashSet();
        var columns = new List<Column>();
        foreach (var (name, node) in schema["properties"]!.AsObject())
        {
            var type = (string?)node!["type"];
            if (type is null or "array" or "object") continue;
            var format = (string?)node["format"];
            var tableType = (string?)node["datapackage_type"] ?? (format == "date-time" ? "datetime" : type);
            columns.Add(new Column(name, tableType, format is "uuid" or "uri" or "email" ? format : null, (string?)node["description"] ?? "", required.Contains(name)));
        }
        return columns;
    }

    private static JsonObject Resource(string table, string path, JsonNode schema, List<Column> columns)
    {
        var fields = new JsonArray();
        foreach (var c in columns)
        {
            var field = new JsonObject { ["name"] = c.Name, ["type"] = c.Type, ["description"] = c.Description };
            if (c.Format is not null) field["format"] = c.Format;
            if (c.Required) field["constraints"] = new JsonObject { ["required"] = true };
            fields.Add(field);
        }
        return new JsonObject
        {
            ["name"] = table,
            ["path"] = path,
            ["profile"] = "tabular-data-resource",
            ["format"] = "csv",
            ["mediatype"] = "text/csv",
            ["encoding"] = "utf-8",
            ["description"] = (string?)schema["description"] ?? "",
            ["schema"] = new JsonObject { ["fields"] = fields, ["primaryKey"] = new JsonArray("id") },
        };
    }

    /// <summary>Every object of the export, flattened per table; the JSON objects already carry their foreign keys.</summary>
    private static Dictionary<string, List<JsonElement>> Rows(RegionExportFile file)
    {
        var rows = new Dictionary<string, List<JsonElement>>();
        void Add(string table, object? item)
        {
            if (item is null) return;
            if (!rows.TryGetValue(table, out var list)) rows[table] = list = [];
            list.Add(JsonSerializer.SerializeToElement(item, item.GetType(), HsdsJson.Options));
        }
        void AddAll<T>(string table, IEnumerable<T>? items) { foreach (var item in items ?? []) Add(table, item); }

        foreach (var o in file.Organizations)
        {
            Add("organization", o);
            AddAll("organization_identifier", o.OrganizationIdentifiers);
            AddAll("phone", o.Phones);
            AddAll("metadata", o.Metadata);
        }
        foreach (var s in file.Services)
        {
            Add("service", s);
            AddAll("service_at_location", s.ServiceAtLocations?.Select(x => x with { Location = null }));
            AddAll("schedule", s.Schedules);
            AddAll("service_area", s.ServiceAreas);
            AddAll("language", s.Languages);
            AddAll("service_capacity", s.Capacities);
            AddAll("attribute", s.Attributes);
            AddAll("metadata", s.Metadata);
        }
        AddAll("unit", file.Services.SelectMany(s => s.Capacities ?? []).Select(c => c.Unit).DistinctBy(u => u.Id));
        foreach (var l in file.Locations)
        {
            Add("location", l);
            AddAll("address", l.Addresses);
            AddAll("phone", l.Phones);
            AddAll("schedule", l.Schedules);
            AddAll("accessibility", l.Accessibility);
            AddAll("metadata", l.Metadata);
        }
        AddAll("taxonomy", file.Taxonomies);
        AddAll("taxonomy_term", file.TaxonomyTerms);
        return rows;
    }

    private static void WriteCsv(Stream stream, List<string> columns, List<JsonElement> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        // Provider-written text starting with =, +, -, @ or a tab could run as a formula in a spreadsheet: it gets a
        // leading apostrophe, as in the consultant's CSV.
        using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = CsvHelper.Configuration.InjectionOptions.Escape });
        foreach (var c in columns) csv.WriteField(c);
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var c in columns)
                csv.WriteField(!row.TryGetProperty(c, out var v) ? "" : v.ValueKind switch
                {
                    JsonValueKind.String => v.GetString(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => v.GetRawText(),
                    _ => "",
                });
            csv.NextRecord();
        }
    }

    private static void Write(ZipArchive zip, string name, DateTime generated, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(generated, DateTimeKind.Utc));
        using var stream = entry.Open();
        write(stream);
    }
}
