using Microsoft.EntityFrameworkCore;
using Startpunt.Tests.Infrastructure;

namespace Startpunt.Tests.Features.Provider;

public sealed class HistoryTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    [Fact]
    public async Task History_cannot_be_changed_through_the_app()
    {
        await using var db = app.CreateDb();
        var entry = await db.AuditEntries.FirstAsync();
        db.Entry(entry).Property(e => e.UserName).CurrentValue = "Iemand anders";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task History_cannot_be_changed_or_deleted_in_the_database_either()
    {
        // On either provider (SQLite triggers, a PostgreSQL trigger function), straight SQL past the app.
        await using var db = app.CreateDb();
        foreach (var sql in new[] { """UPDATE "AuditEntries" SET "UserName" = 'x'""", """DELETE FROM "AuditEntries" """ })
        {
            var e = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(sql));
            Assert.Contains("append-only", e.Message);
        }
    }

    [Fact]
    public async Task The_history_page_lists_each_change_with_who_and_the_old_and_new_values()
    {
        var client = await app.SignedInAsync(DemoData.ProviderEmail);
        var providerId = await app.OrganisationOfAsync(DemoData.ProviderEmail);
        var offer = await app.FirstOfferAsync(providerId);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await client.PostFormAsync($"/aanbieder/{providerId}/wachttijden?handler=Row&offerId={offer.Id}",
            new() { ["WaitingWeeks"] = "33", ["IntakeOpen"] = "true", ["Version"] = offer.Version.ToString() }, $"/aanbieder/{providerId}/wachttijden");
        var doc = await client.GetDocumentAsync($"/aanbieder/{providerId}/aanbod/{offer.Id}/geschiedenis");
        var first = doc.QuerySelector(".history-list li")!.TextContent;
        Assert.Contains("Anna Aanbieder", first);
        Assert.Contains($"Wachttijd (weken): {offer.Availability.WaitingWeeks} → 33", first);
    }
}
