using Microsoft.Extensions.Options;
using Startpunt.Web.Data;
using Startpunt.Web.Data.Content;

namespace Startpunt.Tests.Infrastructure;

/// <summary>The repository's content/ and ../shared/data, as the app resolves them.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = DataSetup.FindRepositoryRoot(AppContext.BaseDirectory);

    public static ContentStore ContentStore() => new(Options.Create(new PathOptions
    {
        ResolvedContent = Path.Combine(Root, "content"),
        ResolvedOpenData = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data")),
    }), TimeProvider.System);

    public static IEnumerable<string[]> Csv(string file) =>
        File.ReadLines(Path.Combine(Root, "..", "shared", "data", file)).Skip(1).Select(l => l.Split(','));
}
