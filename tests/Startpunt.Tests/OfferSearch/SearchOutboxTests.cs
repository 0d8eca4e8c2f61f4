using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.OfferSearch;
using Startpunt.Web.OfferSearch.InProcess;

namespace Startpunt.Tests.OfferSearch;

/// <summary>The embedded default: every change writes a row to the search change feed, and the in-process index answers once loaded.</summary>
public sealed class SearchOutboxTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    [Fact]
    public async Task A_change_writes_a_feed_row_and_the_in_process_index_answers_once_loaded()
    {
        await app.Services.GetRequiredService<InProcessOfferIndex>().WhenReady;
        await using (var db = app.CreateDb())
        {
            var offer = await db.Offers.OrderBy(o => o.Id).FirstAsync();
            offer.Availability.WaitingWeeks += 1;
            await db.SaveChangesAsync();
            Assert.True(await db.SearchOutboxEntries.AnyAsync(r => r.OfferId == offer.Id));
        }
        using var scope = app.Services.CreateScope();
        Assert.IsType<InProcessOfferSearch>(scope.ServiceProvider.GetRequiredService<IOfferSearch>());
    }
}

/// <summary>With the in-process index switched off, SQLite answers every search.</summary>
public sealed class SqliteOnlyFactory : StartpuntFactory
{
    protected override bool SeedDemo => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:InProcess:Enabled", "false");
    }
}

public sealed class SqliteOnlySearchTests(SqliteOnlyFactory app) : IClassFixture<SqliteOnlyFactory>
{
    [Fact]
    public void Without_the_in_process_index_SQLite_searches()
    {
        using var scope = app.Services.CreateScope();
        Assert.IsType<SqliteOfferSearch>(scope.ServiceProvider.GetRequiredService<IOfferSearch>());
        Assert.Null(scope.ServiceProvider.GetService<InProcessOfferIndex>());
    }
}
