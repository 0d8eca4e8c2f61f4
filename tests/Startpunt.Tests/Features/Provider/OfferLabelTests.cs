using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Features.Provider;

/// <summary>Offers with the same product at the same place can be told apart in every list of the workspace.</summary>
public sealed class OfferLabelTests(BareFactory app) : IClassFixture<BareFactory>
{
    [Fact]
    public async Task Two_offers_of_one_product_at_one_place_get_different_labels_by_target_group_or_number()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var first = await app.CreateOfferAsync("Label Zorg", "dagbesteding-b", 1621, 2, now);
        var second = await app.CreateOfferAsync("Label Zorg", "dagbesteding-b", 1621, 3, now);
        var third = await app.CreateOfferAsync("Label Zorg", "dagbesteding-b", 1621, 4, now);
        await using (var db = app.CreateDb())
        {
            // The second is for another target group; the first and third differ in nothing a label shows.
            var groups = await db.Set<OfferTargetGroup>().Where(t => t.OfferId == second.Id).ToListAsync();
            db.RemoveRange(groups);
            db.Add(new OfferTargetGroup { OfferId = second.Id, TargetGroupCode = await db.TargetGroups.Where(g => g.Code != "ouderen" && !g.IsSector).Select(g => g.Code).FirstAsync() });
            await db.SaveChangesAsync();
        }
        await app.CreateUserAsync("label@zorg.example", Roles.Provider, providerId: first.ProviderId);
        var client = await app.SignedInAsync("label@zorg.example", BareFactory.Password);

        var weekly = await client.GetDocumentAsync($"/aanbieder/{first.ProviderId}/wachttijden");
        var labels = weekly.QuerySelectorAll("tr.update-row th").Select(th => string.Join(" ", th.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(3, labels.Count);
        Assert.Equal(3, labels.Distinct().Count());
        Assert.All(labels, l => Assert.Contains("Label Zorg, Kerkstraat 1", l));
        Assert.Contains(labels, l => l.Contains($"#{third.Id}"));

        var list = await client.GetDocumentAsync($"/aanbieder/{first.ProviderId}/aanbod");
        var rows = list.QuerySelectorAll("tbody tr").Select(tr => string.Join(" ", tr.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(3, rows.Distinct().Count());

        var history = await client.GetDocumentAsync($"/aanbieder/{first.ProviderId}/aanbod/{first.Id}/geschiedenis");
        Assert.Contains("Label Zorg, Kerkstraat 1", history.Text("h1"));
        var edit = await client.GetDocumentAsync($"/aanbieder/{first.ProviderId}/aanbod/{first.Id}");
        Assert.NotNull(edit.QuerySelector($"a[href='/aanbod/{first.Id}']"));
    }
}
