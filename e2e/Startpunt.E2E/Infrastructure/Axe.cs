using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Startpunt.E2E.Infrastructure;

/// <summary>axe-core in the page, limited to the WCAG 2.0/2.1/2.2 A and AA rules.</summary>
public static class Axe
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        // Only violations are reported; passes and incomplete results then carry one node each instead of every node,
        // which keeps the result small on long pages (the provider's table of 20 rows).
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Fails with every violation's rule id, help text and the selectors of the offending elements.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        if (await ViolationsReportAsync(page) is { } report) Assert.Fail(report);
    }

    /// <summary>
    /// The same report as <see cref="AssertNoViolationsAsync"/> without failing, or null when axe finds nothing; for
    /// a test that checks several pages and reports every page's violations at once.
    /// </summary>
    public static async Task<string?> ViolationsReportAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag22AA);
        if (result.Violations.Length == 0) return null;

        var report = new StringBuilder();
        report.AppendLine($"axe found {result.Violations.Length} WCAG 2.2 AA violation(s) on {page.Url}:");
        foreach (var v in result.Violations)
        {
            report.AppendLine($"- {v.Id} ({v.Impact}): {v.Help}  [{v.HelpUrl}]");
            foreach (var node in v.Nodes)
            {
                report.AppendLine($"    at {node.Target}   {node.Html?.ReplaceLineEndings(" ")}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m));
                foreach (var message in checks.Distinct())
                    report.AppendLine($"       {message.ReplaceLineEndings(" ")}");
            }
        }
        return report.ToString();
    }
}
