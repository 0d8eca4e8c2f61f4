using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Provider;
using Startpunt.Web.Features.Shared;

namespace Startpunt.Tests.Features.Security;

/// <summary>The holes named in issue 10: each bad input gets a 4xx or a message next to the field, never a 500.</summary>
public sealed class BadInputTests(BareFactory app) : IClassFixture<BareFactory>
{
    [Theory]
    [InlineData("/%09/x")]
    [InlineData("/%0a/evil.example")]
    [InlineData("/%5c/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    public async Task The_language_switch_with_a_control_character_or_another_host_returns_to_the_start_page(string terug)
    {
        var response = await app.Browser().GetAsync($"/taal/en?terug={terug}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var fine = await app.Browser().GetAsync("/taal/en?terug=%2Fzoeken%3Fpostcode%3D1621AB");
        Assert.Equal("/zoeken?postcode=1621AB", fine.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("a,b@example.org")]
    [InlineData("a b@example.org")]
    [InlineData("a@b@example.org")]
    [InlineData("a;b@example.org")]
    [InlineData("iemand@example")]
    public async Task An_invitation_to_an_address_that_cannot_be_an_account_is_refused_at_the_field(string email)
    {
        var provider = await app.CreateOfferAsync("Uitnodiging BV", "dagbesteding-a", 1621, 2, DateTime.UtcNow);
        await app.CreateUserAsync($"uitnodiger-{Guid.NewGuid():N}@example.org", Roles.Provider, providerId: provider.ProviderId);
        await using var db = app.CreateDb();
        var inviter = await db.Users.Where(u => u.Email!.StartsWith("uitnodiger-")).OrderByDescending(u => u.CreatedAt).Select(u => u.Email!).FirstAsync();
        var client = await app.SignedInAsync(inviter, BareFactory.Password);
        var response = await client.PostFormAsync("/account/uitnodigen", new() { ["Input.Email"] = email, ["Input.Role"] = Roles.Provider, ["Input.ProviderId"] = provider.ProviderId.ToString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("klopt niet", Html.Parse(await response.Content.ReadAsStringAsync()).Text("#Input_Email-error"));
        Assert.False(await db.Invitations.AnyAsync(i => i.Email == email));
    }

    [Fact]
    public async Task Pause_resume_and_remove_of_an_offer_a_colleague_just_changed_report_a_conflict_and_change_nothing()
    {
        var offer = await app.CreateOfferAsync("Gelijktijdig BV", "dagbesteding-a", 1621, 2, DateTime.UtcNow);
        foreach (var (paused, action) in new (bool, Func<OfferEditor, Offer, Task<bool>>)[]
                 {
                     (false, (e, o) => e.PauseAsync(o, o.Version, "vakantie", default)), (true, (e, o) => e.ResumeAsync(o, o.Version, default)), (false, (e, o) => e.RemoveAsync(o, o.Version, default)),
                 })
        {
            await using (var arrange = app.CreateDb())
            {
                var o = await arrange.Offers.SingleAsync(x => x.Id == offer.Id);
                if (o.Paused != paused) { o.Paused = paused; o.PausedReason = paused ? "eerder" : null; await arrange.SaveChangesAsync(); }
            }
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
            var stale = await db.Offers.SingleAsync(o => o.Id == offer.Id);
            await using (var colleague = app.CreateDb())
            {
                var fresh = await colleague.Offers.SingleAsync(o => o.Id == offer.Id);
                fresh.Availability.WaitingWeeks += 1;
                await colleague.SaveChangesAsync();
            }
            var before = await app.OfferAsync(offer.Id);
            Assert.False(await action(scope.ServiceProvider.GetRequiredService<OfferEditor>(), stale));
            var after = await app.OfferAsync(offer.Id);
            Assert.Equal((before.Version, before.Paused, before.RemovedAt), (after.Version, after.Paused, after.RemovedAt));
        }
    }

    [Fact]
    public async Task Confirming_all_when_a_colleague_saves_at_the_same_moment_confirms_nothing()
    {
        var offer = await app.CreateOfferAsync("Alles Klopt BV", "dagbesteding-a", 1621, 2, DateTime.UtcNow.AddDays(-20));
        await using var scope = app.Services.CreateAsyncScope();
        var update = scope.ServiceProvider.GetRequiredService<WeeklyUpdate>();
        var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
        // The offers are loaded (tracked) by the confirm; a colleague's save lands between loading and saving.
        db.SavingChanges += (_, _) =>
        {
            using var colleague = app.CreateDb();
            if (colleague.Offers.Single(o => o.Id == offer.Id) is { } fresh && fresh.Version == offer.Version)
            {
                fresh.Availability.WaitingWeeks = 9;
                colleague.SaveChangesAsync().GetAwaiter().GetResult();
            }
        };
        var (confirmed, skipped) = await update.ConfirmAllAsync(offer.ProviderId, new Dictionary<int, int> { [offer.Id] = offer.Version }, default);
        Assert.Equal(0, confirmed);
        Assert.Equal([offer.Id], skipped);
        Assert.Equal(9, (await app.OfferAsync(offer.Id)).Availability.WaitingWeeks);
    }

    [Fact]
    public async Task Provider_text_in_the_tabular_export_is_escaped_against_spreadsheet_formulas()
    {
        var offer = await app.CreateOfferAsync("=HYPERLINK(\"https://evil.example\",\"klik\")", "dagbesteding-a", 1621, 2, DateTime.UtcNow);
        using var response = await app.CreateClient().GetAsync("/open-data/westfriesland/hsds-csv.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("organizations.csv")!.Open());
        var csv = await reader.ReadToEndAsync();
        Assert.Contains("'=HYPERLINK", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.DoesNotContain(",\"=HYPERLINK", csv);
        Assert.True(offer.ProviderId > 0);
    }

    [Theory]
    [InlineData("[klik](javascript:alert(1))", "klik")]
    [InlineData("[klik](JAVASCRIPT:alert(1))", "klik")]
    [InlineData("[klik](data:text/html,<script>alert(1)</script>)", "klik")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    [InlineData("[klik](/account/uitloggen)", "klik")]
    [InlineData("![beeld](https://tracker.example/pixel.png)", "beeld")]
    public void Markdown_keeps_no_link_other_than_http_mailto_and_tel(string markdown, string text)
    {
        var html = SafeMarkdown.ToHtml(markdown).ToString()!;
        Assert.DoesNotContain("href", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains(text, System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public void Markdown_keeps_http_https_mailto_and_tel_links()
    {
        var html = SafeMarkdown.ToHtml("[a](https://a.example) [b](http://b.example) [c](mailto:c@example.org) [d](tel:+31201234567)").ToString()!;
        Assert.Contains("href=\"https://a.example\"", html);
        Assert.Contains("href=\"http://b.example\"", html);
        Assert.Contains("href=\"mailto:c@example.org\"", html);
        Assert.Contains("href=\"tel:+31201234567\"", html);
    }

    [Fact]
    public async Task Signing_out_ends_a_copied_session_within_a_minute()
    {
        await app.CreateUserAsync("kopie-sessie@example.org", Roles.Consultant, "westfriesland");
        var client = await app.SignedInAsync("kopie-sessie@example.org", BareFactory.Password);
        var cookie = (await client.GetAsync("/account")).RequestMessage!.Headers.TryGetValues("Cookie", out var c) ? string.Join("; ", c) : null;
        Assert.NotNull(cookie);
        var thief = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using (var copied = new HttpRequestMessage(HttpMethod.Get, "/account"))
        {
            copied.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await thief.SendAsync(copied)).StatusCode);
        }
        var copiedCookie = cookie;
        await client.PostFormAsync("/account/uitloggen", new(), tokenPage: "/account");
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        try
        {
            using var later = new HttpRequestMessage(HttpMethod.Get, "/account");
            later.Headers.Add("Cookie", copiedCookie);
            var response = await thief.SendAsync(later);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/inloggen", response.Headers.Location!.PathAndQuery);
        }
        finally { app.Clock.Advance(-TimeSpan.FromSeconds(61)); }
    }
}
