using System.Text.RegularExpressions;
using System.Xml.Linq;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Search;

namespace Startpunt.Tests.Features.Pages;

/// <summary>Dutch is the key and the default; every text the pages show must also exist in English.</summary>
public sealed partial class TranslationTests
{
    private static readonly HashSet<string> English = XDocument
        .Load(Path.Combine(RepositoryPaths.Root, "src/Startpunt.Web/Resources/SharedResource.en.resx"))
        .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void Every_text_in_the_pages_and_code_has_an_english_translation()
    {
        var source = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src/Startpunt.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
        var texts = source.Select(File.ReadAllText).ToList();
        var keys = texts.SelectMany(t => LocalizedKey().Matches(t).Concat(ErrorMessage().Matches(t)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .Concat(Enum.GetValues<ProductKind>().Select(KindLabels.Of))
            .Concat(Roles.All.Select(Roles.Label))
            .Concat(AuditActions.All)
            .Concat(Startpunt.Web.Features.History.HistoryWords.Fields.Values)
            .Concat(Startpunt.Web.Data.Content.DemoAccounts.All.Select(a => a.Description))
            .ToHashSet();
        Assert.NotEmpty(keys);
        Assert.Empty(keys.Where(k => !English.Contains(k)).Order());
    }

    // The resource reader compares names without case: of "Aan" and "aan" one wins, and the other shows untranslated.
    [Fact]
    public void No_two_texts_differ_only_in_capitals() =>
        Assert.Empty(English.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)));

    [GeneratedRegex("""L\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizedKey();

    [GeneratedRegex(@"ErrorMessage = ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ErrorMessage();
}
