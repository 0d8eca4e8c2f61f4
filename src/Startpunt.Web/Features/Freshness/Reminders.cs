using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Startpunt.Web.Cluster;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Provider;
using Startpunt.Web.Features.Shared;
using Startpunt.Web.Mail;

namespace Startpunt.Web.Features.Freshness;

public sealed class ReminderOptions
{
    /// <summary>Runs the reminder job in the background (off in tests, which call it directly).</summary>
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>What became of one reminder: sent to whom, or why not.</summary>
public sealed record ReminderResult(string ProviderName, string? To, ReminderSkip Skip, DateTime? LastSentAt = null)
{
    public bool Sent => Skip == ReminderSkip.None;
}

public enum ReminderSkip { None, NothingOverdue, NoAddress, AlreadyToday }

/// <summary>
/// Offers not confirmed for <see cref="Confirmation.ReminderDays"/> days: one mail per organisation listing them, with a
/// link to the weekly update page; at most one such mail per organisation per reminder period.
/// </summary>
public sealed class Reminders(StartpuntDb db, IMailSender mail, TimeProvider clock, Installation installation,
    IStringLocalizer<SharedResource> L, ILogger<Reminders> log)
{
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var overdueBefore = Confirmation.OverdueBefore(now);
        var providerIds = await db.Offers.AsNoTracking()
            .Where(o => !o.Paused && (o.Availability.ConfirmedAt == null || o.Availability.ConfirmedAt < overdueBefore))
            .Select(o => o.ProviderId).Distinct().ToListAsync(ct);
        var recentlyReminded = await db.Reminders.AsNoTracking()
            .Where(r => r.SentAt > overdueBefore).Select(r => r.ProviderId).Distinct().ToListAsync(ct);
        var sent = 0;
        foreach (var providerId in providerIds.Except(recentlyReminded).Order())
            if ((await SendAsync(providerId, sentBy: null, ct)).Sent) sent++;
        return sent;
    }

    /// <summary>A person may remind an organisation at most once in this period, whatever the button is pressed.</summary>
    public static readonly TimeSpan ManualInterval = TimeSpan.FromDays(1);

    /// <summary>
    /// Sends the reminder for one organisation now. A contract manager's "remind now" (<paramref name="sentBy"/> set) is
    /// refused when the organisation got a reminder less than <see cref="ManualInterval"/> ago.
    /// </summary>
    public async Task<ReminderResult> SendAsync(int providerId, string? sentBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var overdueBefore = Confirmation.OverdueBefore(now);
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == providerId, ct);
        if (sentBy is not null)
        {
            var last = await db.Reminders.AsNoTracking().Where(r => r.ProviderId == providerId).MaxAsync(r => (DateTime?)r.SentAt, ct);
            if (last > now - ManualInterval) return new ReminderResult(provider.Name, null, ReminderSkip.AlreadyToday, last);
        }
        var offers = await db.Offers.AsNoTracking().Include(o => o.Product).Include(o => o.ProductLevel).Include(o => o.Location)
            .Where(o => o.ProviderId == providerId && !o.Paused && (o.Availability.ConfirmedAt == null || o.Availability.ConfirmedAt < overdueBefore))
            .OrderBy(o => o.Availability.ConfirmedAt).ToListAsync(ct);
        if (offers.Count == 0) return new ReminderResult(provider.Name, null, ReminderSkip.NothingOverdue);

        var members = await db.OrganisationMembers.Where(m => m.ProviderId == providerId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).Where(u => !u.Deactivated && u.Email != null)
            .Select(u => u.Email!).OrderBy(e => e).ToListAsync(ct);
        var to = members.Count > 0 ? string.Join(", ", members) : provider.Email;
        if (string.IsNullOrWhiteSpace(to))
        {
            log.LogWarning("No address to remind provider {ProviderId}", providerId);
            return new ReminderResult(provider.Name, null, ReminderSkip.NoAddress);
        }

        var link = $"{installation.BaseUrl()}/aanbieder/{providerId}/wachttijden";
        var body = new StringBuilder()
            .AppendLine(L["Beste collega's van {0},", provider.Name])
            .AppendLine()
            .AppendLine(L["De wachttijd van {0} aanbiedingen is langer dan {1} dagen niet bevestigd. Inwoners en consulenten zien na 14 dagen 'onbekend' in plaats van uw wachttijd.", offers.Count, Confirmation.ReminderDays])
            .AppendLine();
        foreach (var o in offers)
        {
            var name = o.ProductLevel is null ? o.Product!.Name : $"{o.Product!.Name} - {o.ProductLevel.Name}";
            var place = o.Location?.Town ?? L["bij mensen thuis"].Value;
            var confirmed = o.Availability.ConfirmedAt is { } at ? Dates.Long(at) : L["nooit"].Value;
            body.AppendLine($"- {name} ({place}): {L["laatst bevestigd op {0}", confirmed]}");
        }
        body.AppendLine()
            .AppendLine(L["Klopt alles nog? Dan bevestigt u alles met één klik op:"])
            .AppendLine(link)
            .AppendLine()
            .AppendLine(L["Met vriendelijke groet,"])
            .AppendLine("Startpunt");
        await mail.SendAsync(new MailMessageContent(to, L["Bevestig uw wachttijden ({0} aanbiedingen)", offers.Count], body.ToString()), ct);
        db.Reminders.Add(new Reminder { ProviderId = providerId, SentAt = now, OfferCount = offers.Count, SentBy = sentBy });
        await db.SaveChangesAsync(ct);
        return new ReminderResult(provider.Name, to, ReminderSkip.None);
    }
}

/// <summary>Runs <see cref="Reminders.SendDueAsync"/> on a timer from the injected clock.</summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, IJobLock locks, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ReminderJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a failing mail server must not stop the job.
                log.LogError(e, "Reminder run failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One run, on one node at a time (<see cref="IJobLock"/>): another node's run in progress means 0 here.</summary>
    public Task<int> RunOnceAsync(CancellationToken ct) => locks.RunAloneAsync("reminders", async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Reminders>().SendDueAsync(ct);
    }, 0, ct);
}

public static class FreshnessSetup
{
    public static WebApplicationBuilder AddStartpuntFreshness(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection("Reminders"));
        builder.Services.AddScoped<Reminders>();
        builder.Services.AddSingleton<ReminderJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReminderJob>());
        return builder;
    }
}
