using System.Collections.Concurrent;
using Markdig;
using Microsoft.Extensions.Options;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Startpunt.Web.Data.Content;

/// <summary>
/// Reads what a region configures from content/: catalogues and thresholds (YAML), target groups, languages,
/// demo word lists and Markdown pages. Files are read when asked, so a changed file takes effect on the next import.
/// The files that pages read while they render (resident words, Wmo-loketten, search words) are looked at on disk at
/// most once a second: a page with twenty results asks forty times, and a look at every region's folder each time cost
/// half of the results page's CPU. A changed file takes effect within a second.
/// </summary>
public sealed class ContentStore(IOptions<PathOptions> paths, TimeProvider clock)
{
    private static readonly TimeSpan LookAgainAfter = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (long CheckedAt, DateTime Written)> _written = new();

    /// <summary>The last write time <paramref name="look"/> finds, looked up again at most once a second.</summary>
    private DateTime Written(string key, Func<DateTime> look)
    {
        var now = clock.GetTimestamp();
        if (_written.TryGetValue(key, out var seen) && clock.GetElapsedTime(seen.CheckedAt, now) < LookAgainAfter) return seen.Written;
        var written = look();
        _written[key] = (now, written);
        return written;
    }

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

    /// <summary>Every region's Wmo-loketten (regions/&lt;slug&gt;/wmo-loketten.yml); a region without the file has none.</summary>
    public IReadOnlyList<WmoDeskFile> WmoDesks() =>
        Directory.GetDirectories(Path.Combine(Root, "regions"))
            .Select(d => Path.Combine(d, "wmo-loketten.yml"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Read<WmoDesksFile>(f).Desks)
            .ToList();

    /// <summary>The newest write time of the files <see cref="WmoDesks"/> reads, so a cache can tell when to read again.</summary>
    public DateTime WmoDesksWritten() => RegionFilesWritten("wmo-loketten.yml");

    /// <summary>Every region's words for residents, by region slug (regions/&lt;slug&gt;/resident-words.yml).</summary>
    public IReadOnlyDictionary<string, ResidentWordsFile> ResidentWords() =>
        Directory.GetDirectories(Path.Combine(Root, "regions"))
            .Where(d => File.Exists(Path.Combine(d, "resident-words.yml")))
            .ToDictionary(d => Path.GetFileName(d), d => Read<ResidentWordsFile>(Path.Combine(d, "resident-words.yml")), StringComparer.Ordinal);

    /// <summary>The newest write time of a file in content/regions/*/ named <paramref name="fileName"/>; for caches.</summary>
    public DateTime RegionFilesWritten(string fileName) => Written($"regions/*/{fileName}", () =>
        Directory.GetDirectories(Path.Combine(Root, "regions"))
            .Select(d => Path.Combine(d, fileName))
            .Where(File.Exists)
            .Select(File.GetLastWriteTimeUtc)
            .DefaultIfEmpty()
            .Max());

    /// <summary>The search words file, with its last write time (to notice a change); an empty file when there is none.</summary>
    public (SearchWordsFile Words, DateTime Written) SearchWords()
    {
        var path = Path.Combine(Root, "search-words.yml");
        return File.Exists(path) ? (Read<SearchWordsFile>(path), File.GetLastWriteTimeUtc(path)) : (new SearchWordsFile(), DateTime.MinValue);
    }

    public DateTime SearchWordsWritten() => Written("search-words.yml", () =>
    {
        var path = Path.Combine(Root, "search-words.yml");
        return File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
    });

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
