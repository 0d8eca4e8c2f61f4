using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Tests.OfferSearch;

/// <summary>The embedded default: without Meilisearch there is no outbox to fill and SQLite answers every search.</summary>
public sealed class SearchOutboxTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    [Fact]
    public async Task Without_Meilisearch_a_change_writes_no_outbox_row_and_SQLite_searches()
    {
        await using (var db = app.CreateDb())
        {
            var offer = await db.Offers.OrderBy(o => o.Id).FirstAsync();
            offer.Availability.WaitingWeeks += 1;
            await db.SaveChangesAsync();
            Assert.False(await db.SearchOutboxEntries.AnyAsync());
        }
        using var scope = app.Services.CreateScope();
        Assert.IsType<SqliteOfferSearch>(scope.ServiceProvider.GetRequiredService<IOfferSearch>());
        Assert.Null(scope.ServiceProvider.GetService<SearchOutbox>());
    }
}
