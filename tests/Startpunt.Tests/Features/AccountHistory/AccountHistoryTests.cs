using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Features.Account;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Domain;
using K = Startpunt.Web.Domain.AccountEventKinds;

namespace Startpunt.Tests.Features.AccountHistory;

/// <summary>
/// Every kind of account event names who did it (actor), to which account (subject) and when (the portal's clock), in
/// the save that made the change; the history cannot be changed afterwards.
/// </summary>
public sealed class AccountHistoryTests(BareFactory app) : IClassFixture<BareFactory>
{
    private static string NewEmail(string name) => $"{name}-{Guid.NewGuid():N}@example.org";

    private async Task<List<AccountEvent>> EventsAsync(string? subjectId = null, string? subjectName = null)
    {
        await using var db = app.CreateDb();
        return await db.AccountEvents.AsNoTracking()
            .Where(e => (subjectId != null && e.SubjectId == subjectId) || (subjectName != null && e.SubjectName == subjectName))
            .OrderBy(e => e.Id).ToListAsync();
    }

    private AccountEvent Single(List<AccountEvent> events, string kind, StartpuntUser subject, string? actorId)
    {
        var e = Assert.Single(events, e => e.Kind == kind);
        Assert.Equal(subject.Id, e.SubjectId);
        Assert.Equal(subject.Email, e.SubjectName);
        Assert.Equal(actorId, e.ActorId);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, e.At);
        return e;
    }

    [Fact]
    public async Task A_sign_in_a_wrong_password_and_an_unknown_address_are_recorded_with_who_whom_and_when()
    {
        var email = NewEmail("inlog");
        var user = await app.CreateUserAsync(email, Roles.Consultant, "westfriesland");
        var browser = app.Browser();
        await browser.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = email, ["Input.Password"] = "fout-wachtwoord-1" });
        await app.SignedInAsync(email, BareFactory.Password);
        var unknown = NewEmail("onbekend");
        await browser.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = unknown, ["Input.Password"] = "wat-dan-ook-123" });

        var events = await EventsAsync(user.Id);
        var failed = Single(events, K.SignInFailed, user, user.Id);
        Assert.Equal("password", failed.Detail);
        Assert.Equal("password", Single(events, K.SignedIn, user, user.Id).Detail);
        var stranger = Assert.Single(await EventsAsync(subjectName: unknown));
        Assert.Equal((K.SignInFailed, null, "unknown"), (stranger.Kind, stranger.SubjectId, stranger.Detail));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_in_the_save_that_counts_the_fifth()
    {
        var email = NewEmail("blokkade");
        var user = await app.CreateUserAsync(email, Roles.Consultant, "westfriesland");
        var browser = app.Browser();
        for (var i = 0; i < 5; i++)
            await browser.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = email, ["Input.Password"] = "fout-wachtwoord-1" });

        var events = await EventsAsync(user.Id);
        var locked = Single(events, K.LockedOut, user, null);
        Assert.Equal("Systeem", locked.ActorName);
        Assert.Equal(5, events.Count(e => e.Kind == K.SignInFailed));
        Assert.Contains("locked", events.Last(e => e.Kind == K.SignInFailed).Detail);
    }

    [Fact]
    public async Task A_changed_password_names_the_person_and_a_reset_from_the_mail_names_the_person_who_used_the_link()
    {
        var email = NewEmail("wachtwoord");
        var user = await app.CreateUserAsync(email, Roles.Consultant, "westfriesland");
        var client = await app.SignedInAsync(email, BareFactory.Password);
        await client.PostFormAsync("/account?handler=Password", new()
        {
            ["PasswordInput.CurrentPassword"] = BareFactory.Password, ["PasswordInput.NewPassword"] = "een nieuwe zin 2026", ["PasswordInput.ConfirmPassword"] = "een nieuwe zin 2026",
        }, tokenPage: "/account");
        Single(await EventsAsync(user.Id), K.PasswordChanged, user, user.Id);

        await app.Browser().PostFormAsync("/account/wachtwoord-vergeten", new() { ["Email"] = email });
        var mail = Mailbox.Messages(app.MailDirectory).Single(m => m.To.Mailboxes.Any(a => a.Address == email));
        var path = new Uri(Mailbox.LinkIn(mail.TextBody!, "/account/nieuw-wachtwoord")).PathAndQuery;
        await app.Browser().PostFormAsync(path, new() { ["Input.Password"] = "weer een andere zin 2026", ["Input.ConfirmPassword"] = "weer een andere zin 2026" }, tokenPage: path);
        Single(await EventsAsync(user.Id), K.PasswordReset, user, user.Id);
    }

    [Fact]
    public async Task A_new_email_address_is_recorded_with_the_old_and_the_new_one()
    {
        var email = NewEmail("adres");
        var user = await app.CreateUserAsync(email, Roles.Consultant, "westfriesland");
        var client = await app.SignedInAsync(email, BareFactory.Password);
        var newEmail = NewEmail("nieuw-adres");
        await client.PostFormAsync("/account?handler=Email", new() { ["EmailInput.NewEmail"] = newEmail, ["EmailInput.Password"] = BareFactory.Password }, tokenPage: "/account");
        var mail = Mailbox.Messages(app.MailDirectory).Single(m => m.To.Mailboxes.Any(a => a.Address == newEmail));
        var path = new Uri(Mailbox.LinkIn(mail.TextBody!, "/account/e-mailadres-bevestigen")).PathAndQuery;
        var confirm = await client.GetDocumentAsync(path);
        var done = await client.PostFormAsync(path, confirm.FormFields("main form[method=post]").Where(f => f.Key != "__RequestVerificationToken").ToDictionary(), tokenPage: path);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var e = Assert.Single(await EventsAsync(user.Id), e => e.Kind == K.EmailChanged);
        Assert.Equal((user.Id, email, user.Id, app.Clock.GetUtcNow().UtcDateTime), (e.SubjectId, e.SubjectName, e.ActorId, e.At));
        Assert.Equal($"{email} → {newEmail}", e.Detail);
    }

    [Fact]
    public async Task Two_step_sign_in_on_a_recovery_code_used_and_off_again_are_recorded()
    {
        var email = NewEmail("tweestaps");
        var user = await app.CreateUserAsync(email, Roles.Consultant, "westfriesland", twoFactor: false);
        var client = await app.SignedInAsync(email, BareFactory.Password);
        var (_, codes) = await TwoFactorSetUp.EnableAsync(client);
        Single(await EventsAsync(user.Id), K.TwoFactorOn, user, user.Id);

        var other = app.Browser();
        await other.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = email, ["Input.Password"] = BareFactory.Password });
        var signedIn = await other.PostFormAsync("/account/tweestaps", new() { ["Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var events = await EventsAsync(user.Id);
        Single(events, K.RecoveryCodeUsed, user, user.Id);
        Assert.Equal("recovery-code", events.Last(e => e.Kind == K.SignedIn).Detail);

        await other.PostFormAsync("/account/beveiliging?handler=Disable", new() { ["Password"] = BareFactory.Password }, tokenPage: "/account/beveiliging");
        Single(await EventsAsync(user.Id), K.TwoFactorOff, user, user.Id);
    }

    [Fact]
    public async Task An_invitation_sent_and_accepted_records_the_inviter_the_new_account_its_role_and_its_organisation()
    {
        var offer = await app.CreateOfferAsync("Geschiedenis Uitnodiging BV", "dagbesteding-a", 1621, 2, DateTime.UtcNow);
        var inviterEmail = NewEmail("uitnodiger");
        var inviter = await app.CreateUserAsync(inviterEmail, Roles.Provider, providerId: offer.ProviderId);
        var client = await app.SignedInAsync(inviterEmail, BareFactory.Password);
        var invited = NewEmail("collega");
        await client.PostFormAsync("/account/uitnodigen", new() { ["Input.Email"] = invited, ["Input.Role"] = Roles.Provider, ["Input.ProviderId"] = offer.ProviderId.ToString() });
        var sent = Assert.Single(await EventsAsync(subjectName: invited));
        Assert.Equal((K.InvitationSent, inviter.Id, (string?)null, offer.ProviderId, Roles.Provider, app.Clock.GetUtcNow().UtcDateTime),
            (sent.Kind, sent.ActorId, sent.SubjectId, sent.ProviderId, sent.Detail, sent.At));

        var mail = Mailbox.Messages(app.MailDirectory).Single(m => m.To.Mailboxes.Any(a => a.Address == invited));
        var path = new Uri(Mailbox.LinkIn(mail.TextBody!, "/account/uitnodiging/")).PathAndQuery;
        var accepted = await app.Browser().PostFormAsync(path, new() { ["Input.DisplayName"] = "Nieuwe Collega", ["Input.Password"] = "een nieuwe zin 2026", ["Input.ConfirmPassword"] = "een nieuwe zin 2026" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using var db = app.CreateDb();
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Email == invited);
        var events = await EventsAsync(account.Id);
        Single(events, K.AccountCreated, account, account.Id);
        Assert.Equal(Roles.Provider, Single(events, K.RoleAdded, account, account.Id).Detail);
        var member = Single(events, K.MemberAdded, account, account.Id);
        Assert.Equal((offer.ProviderId, "Geschiedenis Uitnodiging BV"), (member.ProviderId, member.Detail));
        Assert.Equal(offer.ProviderId, Single(events, K.InvitationAccepted, account, account.Id).ProviderId);
    }

    [Fact]
    public async Task A_revoked_invitation_a_role_and_a_membership_taken_away_and_a_switched_off_account_are_recorded()
    {
        var offer = await app.CreateOfferAsync("Geschiedenis Lid BV", "dagbesteding-a", 1621, 2, DateTime.UtcNow);
        var email = NewEmail("lid");
        var user = await app.CreateUserAsync(email, Roles.Provider, providerId: offer.ProviderId);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StartpuntUser>>();
            var db = scope.ServiceProvider.GetRequiredService<Startpunt.Web.Data.StartpuntDb>();
            var me = (await users.FindByIdAsync(user.Id))!;
            await users.RemoveFromRoleAsync(me, Roles.Provider);
            db.OrganisationMembers.Remove(await db.OrganisationMembers.SingleAsync(m => m.UserId == user.Id));
            me.Deactivated = true;
            await users.UpdateAsync(me);
            var invitation = new Invitation { Email = NewEmail("ingetrokken"), Role = Roles.Provider, ProviderId = offer.ProviderId, TokenHash = Guid.NewGuid().ToString("N"), InvitedBy = "test" };
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            db.Invitations.Remove(invitation);
            await db.SaveChangesAsync();
            var revoked = Assert.Single(await EventsAsync(subjectName: invitation.Email), e => e.Kind == K.InvitationRevoked);
            Assert.Equal((offer.ProviderId, "Systeem", app.Clock.GetUtcNow().UtcDateTime), (revoked.ProviderId, revoked.ActorName, revoked.At));
        }
        var events = await EventsAsync(user.Id);
        Assert.Equal(Roles.Provider, Single(events, K.RoleRemoved, user, null).Detail);
        Assert.Equal(offer.ProviderId, Single(events, K.MemberRemoved, user, null).ProviderId);
        Single(events, K.Deactivated, user, null);
    }

    [Fact]
    public async Task The_account_history_cannot_be_changed_or_deleted()
    {
        var email = NewEmail("vast");
        var user = await app.CreateUserAsync(email, Roles.Consultant, "westfriesland");
        await using var db = app.CreateDb();
        var e = await db.AccountEvents.FirstAsync(x => x.SubjectId == user.Id);
        db.AccountEvents.Remove(e);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        var refused = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AccountEvents" SET "Kind" = 'x' WHERE "Id" = {0}""", e.Id));
        Assert.Contains("append-only", refused?.Message ?? "");
        Assert.NotNull(await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AccountEvents" WHERE "Id" = {0}""", e.Id)));
    }

    [Fact]
    public async Task Each_person_sees_their_recent_sign_ins_failures_included_on_their_account_page()
    {
        var email = NewEmail("recent");
        await app.CreateUserAsync(email, Roles.Consultant, "westfriesland");
        await app.Browser().PostFormAsync("/account/inloggen", new() { ["Input.Email"] = email, ["Input.Password"] = "fout-wachtwoord-1" });
        var client = await app.SignedInAsync(email, BareFactory.Password);
        var rows = (await client.GetDocumentAsync("/account")).QuerySelectorAll("#aanmeldingen + p + .utrecht-table-container tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Ja", rows[0]);
        Assert.Contains("Inloggen mislukt", rows[1]);
        Assert.Contains("16 november 2026", rows[1]);
    }

    [Fact]
    public async Task Administrators_see_every_account_filter_it_and_download_it_as_CSV_with_formulas_escaped()
    {
        var admin = NewEmail("beheerder");
        await app.CreateUserAsync(admin, Roles.Administrator);
        var client = await app.SignedInAsync(admin, BareFactory.Password);
        const string formula = "=1+2@example.org";
        await app.Browser().PostFormAsync("/account/inloggen", new() { ["Input.Email"] = formula, ["Input.Password"] = "wat-dan-ook-123" });

        var page = await client.GetDocumentAsync($"/regio/accountgeschiedenis?soort={K.SignInFailed}&persoon={Uri.EscapeDataString("=1+2")}");
        var item = Assert.Single(page.QuerySelectorAll(".history-list li"));
        Assert.Contains(formula, item.TextContent);
        Assert.Contains("Inloggen mislukt", item.TextContent);

        var csv = await client.GetAsync($"/regio/accountgeschiedenis?handler=csv&soort={K.SignInFailed}&persoon={Uri.EscapeDataString("=1+2")}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("'=1+2@example.org", text);

        var bad = await client.GetDocumentAsync("/regio/accountgeschiedenis?soort=iets&van=9999-99-99");
        Assert.Contains("Kies een soort", bad.Text("#soort-error"));
        Assert.Contains("Vul een datum in", bad.Text("#van-error"));
    }

    [Fact]
    public async Task A_contract_manager_sees_the_people_of_the_region_s_providers_and_nobody_else()
    {
        var offer = await app.CreateOfferAsync("Geschiedenis Regio BV", "dagbesteding-a", 1621, 2, DateTime.UtcNow);
        int elsewhere;
        await using (var db = app.CreateDb())
        {
            var provider = new Startpunt.Web.Domain.Provider { Name = "Buiten de regio BV", Email = "buiten@example.org" };
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            elsewhere = provider.Id;
        }
        var inside = NewEmail("binnen");
        var outside = NewEmail("buiten");
        await app.CreateUserAsync(inside, Roles.Provider, providerId: offer.ProviderId);
        await app.CreateUserAsync(outside, Roles.Provider, providerId: elsewhere);
        await app.SignedInAsync(inside, BareFactory.Password);
        await app.SignedInAsync(outside, BareFactory.Password);

        var manager = NewEmail("contractmanager");
        await app.CreateUserAsync(manager, Roles.ContractManager, "westfriesland");
        var client = await app.SignedInAsync(manager, BareFactory.Password);
        var text = (await client.GetDocumentAsync($"/regio/accountgeschiedenis?soort={K.SignedIn}")).QuerySelector("main")!.TextContent;
        Assert.Contains(inside, text);
        Assert.DoesNotContain(outside, text);
        Assert.DoesNotContain(manager, text);
        var other = await client.GetAsync("/regio/accountgeschiedenis?regio=meierij");
        Assert.True(other.StatusCode == HttpStatusCode.Forbidden || other.Headers.Location?.OriginalString.Contains("/account/geen-toegang") == true,
            $"another region gave {(int)other.StatusCode} {other.Headers.Location}");
    }
}

/// <summary>"From where": the client's address after the trusted proxy's X-Forwarded-For, on real Kestrel.</summary>
public sealed class AccountHistoryAddressTests
{
    [Fact]
    public async Task A_sign_in_through_a_trusted_proxy_records_the_client_address_it_forwarded()
    {
        using var app = new BareFactory();
        var address = app.StartKestrel();
        var email = $"proxy-{Guid.NewGuid():N}@example.org";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StartpuntUser>>();
            Assert.True((await users.CreateAsync(new StartpuntUser { UserName = email, Email = email, DisplayName = "Proxy" }, BareFactory.Password)).Succeeded);
        }
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address) };
        var response = await http.PostFormAsync("/account/inloggen", new() { ["Input.Email"] = email, ["Input.Password"] = BareFactory.Password },
            configure: r => r.Headers.Add("X-Forwarded-For", "203.0.113.9"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDb();
        var e = await db.AccountEvents.SingleAsync(x => x.SubjectName == email && x.Kind == K.SignedIn);
        Assert.Equal("203.0.113.9", e.Address);
    }
}
