using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Freshness;

namespace Startpunt.Tests.Features.Freshness;

/// <summary>The freshness loop under a fixed clock: reminders after 7 days as .eml files, "onbekend" after 14.</summary>
public sealed class ReminderTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private Task<int> RunJobAsync() => app.Services.GetRequiredService<ReminderJob>().RunOnceAsync(CancellationToken.None);

    private List<string> Mails() => Mailbox.Read(app.MailDirectory);

    [Fact]
    public async Task Reminders_go_once_per_overdue_organisation_then_again_after_a_week_and_stale_offers_turn_unknown()
    {
        // 1. One mail per organisation with offers not confirmed for 7 days, listing them, with a link.
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        await using (var db = app.CreateDb())
        {
            var overdue = await db.Offers.Where(o => o.ProviderId == providerId).OrderBy(o => o.Id).Take(2).ToListAsync();
            foreach (var o in overdue) o.Availability.ConfirmedAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(-8);
            await db.SaveChangesAsync();
        }
        int expected, annaOverdue;
        await using (var db = app.CreateDb())
        {
            var before = app.Clock.GetUtcNow().UtcDateTime.AddDays(-7);
            expected = await db.Offers.Where(o => !o.Paused && o.Availability.ConfirmedAt < before).Select(o => o.ProviderId).Distinct().CountAsync();
            annaOverdue = await db.Offers.CountAsync(o => o.ProviderId == providerId && !o.Paused && o.Availability.ConfirmedAt < before);
        }
        Assert.Equal(expected, await RunJobAsync());
        var mails = Mails();
        Assert.Equal(expected, mails.Count);
        var annaMail = Assert.Single(mails, m => m.Contains(DemoData.ProviderEmail));
        Assert.Contains($"/aanbieder/{providerId}/wachttijden", annaMail);
        Assert.Contains($"De wachttijd van {annaOverdue} aanbiedingen", annaMail);
        Assert.Equal(annaOverdue, annaMail.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));

        // 2. Running again sends nothing new to organisations that were just reminded.
        Assert.Equal(0, await RunJobAsync());
        Assert.Equal(expected, Mails().Count);

        // 3. A week later, offers still not confirmed get a new reminder.
        app.Clock.Advance(TimeSpan.FromDays(7));
        Assert.True(await RunJobAsync() > 0);
        Assert.True(Mails().Count > expected);

        // 4. Past 14 days without confirmation the public sees "onbekend", and such offers rank after confirmed ones.
        await using var check = app.CreateDb();
        var region = await check.Regions.SingleAsync(r => r.Id == "westfriesland");
        var stale = await check.Offers.Where(o => o.ProviderId == providerId).OrderBy(o => o.Id).FirstAsync();
        var light = region.Rules.Derive(stale.Availability, app.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(StoplightColour.Unknown, light.Colour);
        var page = await app.CreateClient().GetDocumentAsync($"/aanbod/{stale.Id}");
        Assert.Contains("Onbekend", page.Text(".stoplight"));
        var results = await app.CreateClient().GetDocumentAsync("/zoeken?postcode=1621AB&afstand=50&sorteer=wachttijd");
        var colours = results.QuerySelectorAll(".result-card .stoplight").Select(s => s.ClassList.Contains("stoplight--unknown")).ToList();
        Assert.Equal(colours.Order(), colours);
    }
}
