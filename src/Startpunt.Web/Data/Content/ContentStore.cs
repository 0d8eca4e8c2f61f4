using System.Collections.Concurrent;
using Markdig;
using Microsoft.Extensions.Options;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Startpunt.Web.Data.Content;

/// <summary>
/// Reads what a region configures from content/: catalogues and thresholds (YAML), target groups, languages,
/// demo word lists and Markdown pages. Files are read when asked, so a changed file takes effect on the next import.
/// </summary>
public sealed class ContentStore(IOptions<PathOptions> paths)
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();


    private readonly ConcurrentDictionary<string, (DateTime Written, string Html, string Title)> _pages = new();

    public string Root => paths.Value.ResolvedContent ?? throw new InvalidOperationException("Content path not resolved");
    public string OpenData => paths.Value.ResolvedOpenData ?? throw new InvalidOperationException("Open data path not resolved");

    public IReadOnlyList<RegionFile> Regions()
    {
        var dir = Path.Combine(Root, "regions");
        return Directory.GetDirectories(dir)
            .Select(d => Path.Combine(d, "region.yml"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .Select(Read<RegionFile>)
            .ToList();
    }

    public RegionFile Region(string path) => Read<RegionFile>(path);

    public TargetGroupsFile TargetGroups() => Read<TargetGroupsFile>(Path.Combine(Root, "target-groups.yml"));

    public List<NamedFile> Languages() => Read<List<NamedFile>>(Path.Combine(Root, "languages.yml"));

    /// <summary>The search words file, with its last write time (to notice a change); an empty file when there is none.</summary>
    public (SearchWordsFile Words, DateTime Written) SearchWords()
    {
        var path = Path.Combine(Root, "search-words.yml");
        return File.Exists(path) ? (Read<SearchWordsFile>(path), File.GetLastWriteTimeUtc(path)) : (new SearchWordsFile(), DateTime.MinValue);
    }

    public DateTime SearchWordsWritten()
    {
        var path = Path.Combine(Root, "search-words.yml");
        return File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
    }

    public DemoFile Demo() => Read<DemoFile>(Path.Combine(Root, "demo", "demo.yml"));

    /// <summary>A Markdown page in the asked language, falling back to Dutch; null when it does not exist.</summary>
    public (string Title, string Html)? Page(string name, string language)
    {
        if (name.Any(c => !(char.IsAsciiLetterLower(c) || c == '-'))) return null;
        var file = new[] { language, "nl" }
            .Select(l => Path.Combine(Root, "pages", $"{name}.{l}.md"))
            .FirstOrDefault(File.Exists);
        if (file is null) return null;
        var written = File.GetLastWriteTimeUtc(file);
        var cached = _pages.GetOrAdd(file, _ => default);
        if (cached.Written != written)
        {
            var text = File.ReadAllText(file);
            var firstLine = text.Split('\n', 2)[0];
            var title = firstLine.StartsWith("# ", StringComparison.Ordinal) ? firstLine[2..].Trim() : name;
            // Raw HTML stays off here too, so that a page in content/ can never inject script.
            cached = (written, Markdig.Markdown.ToHtml(text, Features.Shared.SafeMarkdown.Pipeline), title);
            _pages[file] = cached;
        }
        return (cached.Title, cached.Html);
    }

    private static T Read<T>(string path)
    {
        using var reader = new StreamReader(path);
        try
        {
            return Yaml.Deserialize<T>(reader) ?? throw new InvalidDataException($"{path} is empty");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
