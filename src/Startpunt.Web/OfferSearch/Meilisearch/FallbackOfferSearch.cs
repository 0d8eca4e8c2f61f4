using System.Net.Sockets;

namespace Startpunt.Web.OfferSearch.Meilisearch;

/// <summary>
/// The portal's <see cref="IOfferSearch"/> when Meilisearch is configured: Meilisearch while it answers and its
/// index is current, otherwise this node's own engine (SQLite's, or the in-process index), in the same request. A resident never sees an error page because
/// the search server is down; the health endpoint says so instead.
/// </summary>
public sealed class FallbackOfferSearch(
    MeilisearchOfferSearch meilisearch, [FromKeyedServices(SearchSetup.LocalEngine)] IOfferSearch sqlite, SearchCircuit circuit, IndexSyncStatus sync,
    Microsoft.Extensions.Options.IOptions<MeilisearchOptions> options, ILogger<FallbackOfferSearch> log) : IOfferSearch
{
    public async Task<OfferSearchResult> SearchAsync(OfferSearchQuery query, CancellationToken ct = default)
    {
        if (!sync.CaughtUp || !circuit.TryEnter()) return await sqlite.SearchAsync(query, ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.SearchTimeout);
        try
        {
            var result = await meilisearch.SearchAsync(query, timeout.Token);
            circuit.Succeeded();
            return result;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            if (IsOutage(e))
            {
                var wasOpen = circuit.IsOpen;
                circuit.Failed(e);
                if (!wasOpen) log.LogWarning(e, "Meilisearch search failed; searching SQLite until it answers again");
            }
            else
            {
                // Meilisearch answered but refused the search: a bug, not an outage. Still no error page.
                circuit.Succeeded();
                log.LogError(e, "Meilisearch refused a search; answered from SQLite");
            }
            return await sqlite.SearchAsync(query, ct);
        }
    }

    internal static bool IsOutage(Exception e) => e switch
    {
        HttpRequestException or SocketException or TimeoutException or OperationCanceledException => true,
        MeilisearchException m => m.IsTransient || m.Code == "index_not_found",
        System.Text.Json.JsonException => true,
        _ => e.InnerException is { } inner && IsOutage(inner),
    };
}
