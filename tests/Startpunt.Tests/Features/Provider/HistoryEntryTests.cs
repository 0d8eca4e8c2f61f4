using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;
using Startpunt.Web.Features.Provider;

namespace Startpunt.Tests.Features.Provider;

/// <summary>Every kind of change a provider makes leaves one history entry that names who, when, the old and the new value.</summary>
public sealed class HistoryEntryTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    private async Task<(HttpClient Client, int ProviderId)> AnnaAsync() =>
        (await app.SignedInAsync(DemoData.ProviderEmail), await app.OrganisationOfAsync(DemoData.ProviderEmail));

    private async Task<List<AuditEntry>> EntriesAsync(string type, int id)
    {
        await using var db = app.CreateDb();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
    }

    private static FieldChange Change(AuditEntry entry, string field) => Startpunt.Web.Features.History.HistoryWords.Changes(entry).Single(c => c.Field == field);

    [Fact]
    public async Task Changing_an_offers_target_groups_and_languages_is_one_entry_and_a_new_version()
    {
        var (anna, providerId) = await AnnaAsync();
        var offer = await app.FirstOfferAsync(providerId, q => q.Where(o => o.LocationId != null && !o.Paused));
        var before = await app.OfferAsync(offer.Id);
        var page = await anna.GetDocumentAsync($"/aanbieder/{providerId}/aanbod/{offer.Id}");
        var fields = page.FormFields("form.offer-form").With("Input.TargetGroups", "lvb", "ouderen").With("Input.Languages", "nl", "pl");
        var entriesBefore = (await app.HistoryAsync(offer.Id)).Count;
        app.Clock.Advance(TimeSpan.FromMinutes(3));

        var response = await anna.PostFormAsync($"/aanbieder/{providerId}/aanbod/{offer.Id}", fields, $"/aanbieder/{providerId}/aanbod/{offer.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var history = await app.HistoryAsync(offer.Id);
        Assert.Equal(entriesBefore + 1, history.Count);
        var entry = history.Last();
        Assert.Equal((AuditActions.Updated, "Anna Aanbieder", app.Clock.GetUtcNow().UtcDateTime), (entry.Action, entry.UserName, entry.At));
        Assert.Equal(string.Join(",", before.TargetGroups.Select(t => t.TargetGroupCode).Order(StringComparer.Ordinal)), Change(entry, "TargetGroups").Old);
        Assert.Equal("lvb,ouderen", Change(entry, "TargetGroups").New);
        Assert.Equal("nl,pl", Change(entry, "Languages").New);
        Assert.Equal(before.Version + 1, (await app.OfferAsync(offer.Id)).Version);
    }

    [Fact]
    public async Task Changing_only_a_list_through_the_database_context_still_bumps_the_version()
    {
        var (_, providerId) = await AnnaAsync();
        var offer = await app.FirstOfferAsync(providerId, q => q.Skip(5));
        await using (var db = app.CreateDb())
        {
            db.Set<OfferLanguage>().Add(new OfferLanguage { OfferId = offer.Id, LanguageCode = "ar" });
            await db.SaveChangesAsync();
        }
        var after = await app.OfferAsync(offer.Id);
        Assert.Equal(offer.Version + 1, after.Version);
        var entry = (await app.HistoryAsync(offer.Id)).Last();
        Assert.Contains("ar", Change(entry, "Languages").New!.Split(','));
        Assert.DoesNotContain("ar", (Change(entry, "Languages").Old ?? "").Split(','));
    }

    [Fact]
    public async Task A_weekly_update_save_that_changes_and_confirms_writes_one_entry()
    {
        var (anna, providerId) = await AnnaAsync();
        var offer = await app.FirstOfferAsync(providerId, q => q.Where(o => o.Availability.WaitingWeeks != 12).Skip(1));
        var before = (await app.HistoryAsync(offer.Id)).Count;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await anna.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={offer.Id}",
            new() { ["WaitingWeeks"] = "12", ["IntakeOpen"] = "true", ["FreePlaces"] = "", ["Version"] = offer.Version.ToString() }, $"/aanbieder/{providerId}/wachttijden");
        var history = await app.HistoryAsync(offer.Id);
        Assert.Equal(before + 1, history.Count);
        var entry = history.Last();
        Assert.Equal(offer.Availability.WaitingWeeks.ToString(), Change(entry, "WaitingWeeks").Old);
        Assert.Equal("12", Change(entry, "WaitingWeeks").New);
        Assert.NotNull(Change(entry, "ConfirmedAt").New);

        // The page says so in words: changed and confirmed, in one line.
        var doc = await anna.GetDocumentAsync($"/aanbieder/{providerId}/aanbod/{offer.Id}/geschiedenis");
        Assert.Contains("gewijzigd en bevestigd", doc.Text(".history-list li"));
    }

    [Fact]
    public async Task Changing_the_profile_is_recorded_with_the_old_and_new_name_and_renames_in_search_in_the_same_save()
    {
        var (anna, providerId) = await AnnaAsync();
        var page = await anna.GetDocumentAsync($"/aanbieder/{providerId}/profiel");
        var fields = page.FormFields("form.narrow-form");
        var oldName = fields.Single(f => f.Key == "Input.Name").Value;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var response = await anna.PostFormAsync($"/aanbieder/{providerId}/profiel", fields.With("Input.Name", oldName + " Noord"), $"/aanbieder/{providerId}/profiel");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var entry = (await EntriesAsync("Provider", providerId)).Last();
        Assert.Equal((AuditActions.Updated, "Anna Aanbieder", app.Clock.GetUtcNow().UtcDateTime), (entry.Action, entry.UserName, entry.At));
        Assert.Equal((oldName, oldName + " Noord"), (Change(entry, "Name").Old, Change(entry, "Name").New));
        await using var db = app.CreateDb();
        Assert.All(await db.Offers.Where(o => o.ProviderId == providerId).Select(o => o.SearchText).ToListAsync(), t => Assert.Contains(oldName + " Noord", t));
    }

    [Fact]
    public async Task A_new_location_and_a_change_to_it_are_each_recorded()
    {
        var (anna, providerId) = await AnnaAsync();
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Tuinderij Oost", ["Input.Street"] = "Dorpsstraat", ["Input.HouseNumber"] = "4", ["Input.Postcode"] = "1621 AB", ["Input.Town"] = "Hoorn",
        };
        var created = await anna.PostFormAsync($"/aanbieder/{providerId}/locaties/nieuw", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var db = app.CreateDb();
        var location = await db.Locations.AsNoTracking().SingleAsync(l => l.ProviderId == providerId && l.Name == "Tuinderij Oost");
        var first = (await EntriesAsync("Location", location.Id)).Single();
        Assert.Equal((AuditActions.Created, "Anna Aanbieder", providerId), (first.Action, first.UserName, first.ProviderId));
        Assert.Equal((null, "Dorpsstraat"), (Change(first, "Street").Old, Change(first, "Street").New));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        fields["Input.Street"] = "Kerkstraat";
        await anna.PostFormAsync($"/aanbieder/{providerId}/locaties/{location.Id}", fields);
        var second = (await EntriesAsync("Location", location.Id)).Last();
        Assert.Equal((AuditActions.Updated, app.Clock.GetUtcNow().UtcDateTime), (second.Action, second.At));
        Assert.Equal(("Dorpsstraat", "Kerkstraat"), (Change(second, "Street").Old, Change(second, "Street").New));
    }

    [Fact]
    public async Task A_removed_location_is_recorded_with_its_last_values()
    {
        var (_, providerId) = await AnnaAsync();
        int id;
        await using (var db = app.CreateDb())
        {
            var location = new Location { ProviderId = providerId, Name = "Tijdelijk", Street = "Laan", HouseNumber = "1", Postcode = "1621 AB", Town = "Hoorn" };
            db.Locations.Add(location);
            await db.SaveChangesAsync();
            id = location.Id;
            db.Locations.Remove(location);
            await db.SaveChangesAsync();
        }
        var entry = (await EntriesAsync("Location", id)).Last();
        Assert.Equal(AuditActions.Removed, entry.Action);
        Assert.Equal(("Tijdelijk", null), (Change(entry, "Name").Old, Change(entry, "Name").New));
    }

    [Fact]
    public async Task A_change_a_person_makes_to_the_catalogue_is_recorded_but_the_content_import_is_not()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<AuditActor>();
        actor.Set("cm-1", "Carla Contract");
        var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
        var product = await db.Products.FirstAsync(p => p.RegionId == "westfriesland");
        var oldName = product.Name;
        product.Name = oldName + " (nieuw)";
        await db.SaveChangesAsync();
        var entry = (await EntriesAsync("Product", product.Id)).Single();
        Assert.Equal(("Carla Contract", oldName, oldName + " (nieuw)"), (entry.UserName, Change(entry, "Name").Old, Change(entry, "Name").New));

        actor.Set(null, AuditActor.System.UserName);
        product.Name = oldName;
        await db.SaveChangesAsync();
        Assert.Single(await EntriesAsync("Product", product.Id));
    }
}
