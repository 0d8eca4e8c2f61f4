using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Cluster;
using Startpunt.Web.Features.Freshness;

namespace Startpunt.Tests.Cluster;

/// <summary>Two web nodes on one PostgreSQL database, in one test process (the nginx cluster is in the e2e project).</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public PostgreSqlFactory First { get; } = new();
    public PostgreSqlNodeFactory Second { get; private set; } = null!;

    public Task InitializeAsync()
    {
        _ = First.Services;
        Second = new PostgreSqlNodeFactory(First);
        _ = Second.Services;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Second.Dispose();
        First.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class TwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Signed_in_on_one_node_a_provider_saves_on_the_other()
    {
        // One browser, one cookie jar, two servers: the key ring in the database makes the cookie and the
        // antiforgery token of the first node valid on the second.
        var cookies = new CookieContainer();
        var onFirst = nodes.First.CreateDefaultClient(new CookieContainerHandler(cookies));
        var onSecond = nodes.Second.CreateDefaultClient(new CookieContainerHandler(cookies));
        var signIn = await onFirst.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = DemoData.ProviderEmail, ["Input.Password"] = Web.Data.Content.DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var providerId = await nodes.First.OrganisationOfAsync(DemoData.ProviderEmail);
        var offer = await nodes.First.FirstOfferAsync(providerId, q => q.Where(o => o.Availability.WaitingWeeks != 13));
        var page = $"/aanbieder/{providerId}/wachttijden";
        var saved = await onSecond.PostFormAsync($"{page}?handler=Row&offerId={offer.Id}", new()
        {
            ["WaitingWeeks"] = "13", ["IntakeOpen"] = "true", ["FreePlaces"] = "", ["Version"] = offer.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, tokenPage: page);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(13, (await nodes.Second.OfferAsync(offer.Id)).Availability.WaitingWeeks);
        await using var db = nodes.First.CreateDb();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }

    [Fact]
    public async Task A_job_lock_held_on_one_node_is_refused_on_the_other_until_it_is_released()
    {
        var first = nodes.First.Services.GetRequiredService<IJobLock>();
        var second = nodes.Second.Services.GetRequiredService<IJobLock>();
        Assert.IsType<PostgresJobLock>(first);

        var held = await first.TryAcquireAsync("test-job", CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await second.TryAcquireAsync("test-job", CancellationToken.None));
        await held.DisposeAsync();
        var taken = await second.TryAcquireAsync("test-job", CancellationToken.None);
        Assert.NotNull(taken);
        await taken.DisposeAsync();
    }

    [Fact]
    public async Task Both_nodes_running_the_reminder_job_send_one_mail_per_organisation()
    {
        await using (var db = nodes.First.CreateDb())
        {
            // Every offer of two organisations overdue, so that there is something to remind.
            var providers = await db.Providers.OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
            var overdue = nodes.First.Clock.GetUtcNow().UtcDateTime.AddDays(-30);
            foreach (var offer in await db.Offers.Where(o => providers.Contains(o.ProviderId)).ToListAsync())
                offer.Availability.ConfirmedAt = overdue;
            await db.SaveChangesAsync();
        }

        var since = nodes.First.Clock.GetUtcNow().UtcDateTime;
        var runs = await Task.WhenAll(
            nodes.First.Services.GetRequiredService<ReminderJob>().RunOnceAsync(CancellationToken.None),
            nodes.Second.Services.GetRequiredService<ReminderJob>().RunOnceAsync(CancellationToken.None));
        var again = await nodes.Second.Services.GetRequiredService<ReminderJob>().RunOnceAsync(CancellationToken.None);

        await using var check = nodes.First.CreateDb();
        var reminded = await check.Reminders.Where(r => r.SentAt >= since).GroupBy(r => r.ProviderId).Select(g => g.Count()).ToListAsync();
        Assert.True(reminded.Count >= 2);
        Assert.All(reminded, count => Assert.Equal(1, count));
        Assert.Equal(reminded.Count, runs.Sum());
        Assert.Equal(0, again);
        Assert.Equal(reminded.Count, Mails(nodes.First) + Mails(nodes.Second));
    }

    private static int Mails(StartpuntFactory node) =>
        Directory.Exists(node.MailDirectory) ? Directory.GetFiles(node.MailDirectory, "*.eml").Length : 0;
}
