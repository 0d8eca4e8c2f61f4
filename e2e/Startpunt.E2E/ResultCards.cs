using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Startpunt.E2E;

/// <summary>Reading the result cards the way a resident reads them: the stoplight's words, not its colour.</summary>
internal static partial class ResultCards
{
    /// <summary>
    /// The rank the "wachttijd" sort gives a card, from what the card shows: confirmed and open by weeks of waiting,
    /// then confirmed but closed for new clients, then "Onbekend" (not confirmed recently).
    /// </summary>
    public static int WaitingRank(string stoplightText)
    {
        var text = Regex.Replace(stoplightText, @"\s+", " ").Trim();
        if (text.StartsWith("Onbekend", StringComparison.Ordinal)) return 2000;
        if (text.Contains("Geen nieuwe aanmeldingen", StringComparison.Ordinal)) return 1000;
        if (text.Contains("Kan direct starten", StringComparison.Ordinal)) return 0;
        var weeks = Weeks().Match(text);
        Assert.True(weeks.Success, $"Cannot read a waiting time from the stoplight text '{text}'.");
        return int.Parse(weeks.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Asserts the cards on the page are in "wachttijd" order.</summary>
    public static async Task AssertOrderedByWaitingTimeAsync(IPage page)
    {
        var texts = await page.Locator(".result-card .stoplight").AllInnerTextsAsync();
        Assert.NotEmpty(texts);
        var ranks = texts.Select(WaitingRank).ToList();
        for (var i = 1; i < ranks.Count; i++)
            Assert.True(ranks[i - 1] <= ranks[i],
                $"Card {i} ('{texts[i - 1].ReplaceLineEndings(" ")}') comes before card {i + 1} ('{texts[i].ReplaceLineEndings(" ")}') in the wachttijd order.");
        // The first card is only "Onbekend" when every card is.
        if (texts[0].TrimStart().StartsWith("Onbekend", StringComparison.Ordinal))
            Assert.All(texts, t => Assert.StartsWith("Onbekend", t.TrimStart(), StringComparison.Ordinal));
    }

    [GeneratedRegex(@"Wachttijd (\d+) we")]
    private static partial Regex Weeks();
}
