using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.Features.Consultant;
using Startpunt.Web.Features.Search;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Tests.Features.Consultant;

/// <summary>
/// "Only contracted" used to page through every result of the resident search and filter contracts in memory; now the
/// engine filters (ContractedFor) and pages. On the demo data both give the same offers in the same order.
/// </summary>
public sealed class ContractedOnlyTests(StartpuntFactory app) : IClassFixture<StartpuntFactory>
{
    public static TheoryData<string, string?, string?, bool> Searches => new()
    {
        { "1621AB", null, null, false },          // Hoorn, Westfriesland
        { "1621AB", "GM0388", "dagbesteding", false }, // for a client in Enkhuizen
        { "1621AB", null, null, true },           // intake open only
        { "2801", null, "begeleiding", false },   // Gouda, Midden-Holland
        { "8331", null, null, true },             // Steenwijk
        { "5211AB", null, null, false },          // 's-Hertogenbosch, Meierij
        { "1501", "GM0479", null, false },        // Zaandam, a client in Zaanstad
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task The_engine_path_gives_the_same_offers_in_the_same_order_as_filtering_in_memory(
        string postcode, string? municipality, string? product, bool intakeOpenOnly)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var form = new SearchForm { Postcode = postcode, Distance = "50", Product = product, Sort = "wachttijd" };
        var filters = new ConsultantFilters { Municipality = municipality, IntakeOnly = intakeOpenOnly ? "1" : null };

        var engine = new List<int>();
        for (var page = 1; page < 100; page++)
        {
            form.Page = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var model = await services.GetRequiredService<ConsultantSearch>().RunAsync(form, filters, new ModelStateDictionary(), all: false, default);
            Assert.True(model.HasResult);
            engine.AddRange(model.Rows.Select(r => r.Hit.OfferId));
            if (page >= model.PageCount) break;
        }

        Assert.NotEmpty(engine);
        Assert.Equal(await OldPathAsync(services, form, filters), engine);
    }

    /// <summary>The old path, kept here as the yardstick: every result of the radius, then contracts and intake in memory.</summary>
    private async Task<List<int>> OldPathAsync(IServiceProvider services, SearchForm form, ConsultantFilters filters)
    {
        form.Page = null;
        var (model, query) = await services.GetRequiredService<ResidentSearch>().PrepareAsync(form, new ModelStateDictionary(), SearchSurface.Consultant, default);
        var search = services.GetRequiredService<IOfferSearch>();
        var hits = new List<OfferHit>();
        for (var page = 1; ; page++)
        {
            var result = await search.SearchAsync(query! with { Page = page, PageSize = 100 });
            hits.AddRange(result.Hits);
            if (page >= result.PageCount) break;
        }
        var code = filters.Municipality ?? model.Municipality!.Code;
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await using var db = app.CreateDb();
        var contracted = (await db.Contracts
                .Where(c => c.StartDate <= today && (c.EndDate == null || c.EndDate >= today) && c.Municipalities.Any(m => m.MunicipalityCode == code))
                .Select(c => new { c.ProviderId, c.ProductId }).ToListAsync())
            .Select(c => (c.ProviderId, c.ProductId)).ToHashSet();
        return hits.Where(h => contracted.Contains((h.ProviderId, h.ProductId)))
            .Where(h => !filters.OnlyIntakeOpen || h.Stoplight.IntakeOpen)
            .Select(h => h.OfferId).ToList();
    }
}
