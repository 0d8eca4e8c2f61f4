using Microsoft.Extensions.DependencyInjection;
using Startpunt.Tests.Infrastructure;
using Startpunt.Web.OfferSearch;
using Startpunt.Web.OfferSearch.InProcess;

namespace Startpunt.Tests.OfferSearch;

/// <summary>The contract data set in PostgreSQL, loaded and followed by the in-process index (the engine PostgreSQL searches with).</summary>
public sealed class PostgreSqlContractFactory : PostgreSqlFactory, IContractFixture, IAsyncLifetime
{
    protected override bool SeedDemo => false;
    public ContractData.Summary Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Services.GetRequiredService<InProcessOfferIndex>().WhenReady;
        Data = await ContractData.SeedAsync(this);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>The search contract with PostgreSQL as the store: what the portal searches with on PostgreSQL is the in-process index.</summary>
public sealed class PostgreSqlSearchContractTests(PostgreSqlContractFactory app)
    : SearchContractTests<PostgreSqlContractFactory>(app), IClassFixture<PostgreSqlContractFactory>
{
    private readonly PostgreSqlContractFactory _app = app;

    protected override IOfferSearch Engine(IServiceProvider services) => services.GetRequiredService<IOfferSearch>();

    [Fact]
    public void On_postgresql_the_portal_searches_with_the_in_process_index()
    {
        using var scope = _app.Services.CreateScope();
        Assert.IsType<InProcessOfferSearch>(scope.ServiceProvider.GetRequiredService<IOfferSearch>());
    }
}
