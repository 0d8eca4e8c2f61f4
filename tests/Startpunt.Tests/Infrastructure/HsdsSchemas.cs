using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Startpunt.Tests.Infrastructure;

/// <summary>
/// Validates documents against the official HSDS 3.1 JSON schemas in ../shared/data/hsds-3.1, with ajv (JSON Schema
/// 2020-12) run by node: tests/hsds-validator/validate.mjs. The NuGet validators do not restore here; ajv is the
/// reference validator of the JSON Schema ecosystem. scripts/test.sh installs it (npm ci); so does the first use.
/// </summary>
public static class HsdsSchemas
{
    public static string SchemaDirectory { get; } = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "data", "hsds-3.1"));
    private static readonly string ValidatorDirectory = Path.Combine(RepositoryPaths.Root, "tests", "hsds-validator");
    private static readonly SemaphoreSlim Install = new(1, 1);

    /// <summary>The response schema openapi.json gives for GET on this HSDS path ("/services", "/services/{id}" ...).</summary>
    public static object OpenApi(string path) => new { openapi = path };

    /// <summary>A page envelope whose contents are objects of this schema file (for endpoints HSDS's openapi.json lacks).</summary>
    public static object PageOf(string schemaFile) => new { @ref = schemaFile, page = true };

    /// <summary>One schema file, e.g. "compiled/service.json" or "location.json".</summary>
    public static object File(string schemaFile) => new { @ref = schemaFile };

    public sealed record Item(string Name, object Schema, JsonNode? Document);

    public sealed record Result(string Name, bool Valid, string[] Errors);

    public static async Task<IReadOnlyList<Result>> ValidateAsync(IEnumerable<Item> items)
    {
        await EnsureInstalledAsync();
        var input = Path.Combine(Path.GetTempPath(), "startpunt-tests", $"hsds-{Guid.NewGuid():N}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        await System.IO.File.WriteAllTextAsync(input, JsonSerializer.Serialize(items.Select(i => new { name = i.Name, schema = i.Schema, document = i.Document })));
        try
        {
            var (code, stdout, stderr) = await RunAsync("node", ValidatorDirectory, Path.Combine(ValidatorDirectory, "validate.mjs"), SchemaDirectory, input);
            Assert.True(code is 0 or 1, $"the HSDS validator failed to run (exit {code}): {stderr}");
            return JsonSerializer.Deserialize<List<Result>>(stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        finally
        {
            System.IO.File.Delete(input);
        }
    }

    /// <summary>Asserts that every document is valid, listing every error of every invalid one.</summary>
    public static async Task AssertValidAsync(IReadOnlyCollection<Item> items)
    {
        Assert.NotEmpty(items);
        var results = await ValidateAsync(items);
        Assert.Equal(items.Count, results.Count);
        var invalid = results.Where(r => !r.Valid).Select(r => $"{r.Name}:\n  {string.Join("\n  ", r.Errors.Take(20))}").ToList();
        Assert.True(invalid.Count == 0, $"{invalid.Count} of {results.Count} documents do not pass the HSDS 3.1 schemas:\n{string.Join("\n", invalid)}");
    }

    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(ValidatorDirectory, "node_modules", "ajv-formats"))) return;
            var (code, _, stderr) = await RunAsync("npm", ValidatorDirectory, "ci", "--no-audit", "--no-fund", "--loglevel=error");
            Assert.True(code == 0, $"npm ci in tests/hsds-validator failed: {stderr}");
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
