using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Startpunt.Web.OfferSearch.Meilisearch;

/// <summary>
/// The few Meilisearch endpoints the portal uses (indexes, settings, documents, search, tasks, swap), typed, over
/// HttpClient. There is no .NET client package to be had here; this is all of it, in one place. Writes return a
/// task; <see cref="WaitForTaskAsync"/> waits until Meilisearch has applied it.
/// </summary>
public sealed class MeilisearchClient(HttpClient http, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Uri? BaseAddress => http.BaseAddress;

    public async Task<bool> IsHealthyAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("health", ct);
        return response.IsSuccessStatusCode;
    }

    /// <summary>The index, or null when it does not exist.</summary>
    public async Task<IndexInfo?> GetIndexAsync(string uid, CancellationToken ct)
    {
        using var response = await http.GetAsync($"indexes/{Esc(uid)}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await ReadAsync<IndexInfo>(response, ct);
    }

    public async Task<List<string>> ListIndexesAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("indexes?limit=1000", ct);
        return (await ReadAsync<Page<IndexInfo>>(response, ct)).Results.Select(i => i.Uid).ToList();
    }

    public async Task<long> CountDocumentsAsync(string uid, CancellationToken ct)
    {
        using var response = await http.GetAsync($"indexes/{Esc(uid)}/stats", ct);
        return (await ReadAsync<IndexStats>(response, ct)).NumberOfDocuments;
    }

    /// <summary>One document as stored, or default when the index does not hold it.</summary>
    public async Task<T?> GetDocumentAsync<T>(string uid, int id, CancellationToken ct)
    {
        using var response = await http.GetAsync($"indexes/{Esc(uid)}/documents/{id.ToString(CultureInfo.InvariantCulture)}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return default;
        return await ReadAsync<T>(response, ct);
    }

    public Task<TaskRef> CreateIndexAsync(string uid, string primaryKey, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "indexes", new { uid, primaryKey }, ct);

    public Task<TaskRef> DeleteIndexAsync(string uid, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, $"indexes/{Esc(uid)}", null, ct);

    public Task<TaskRef> UpdateSettingsAsync(string uid, IndexSettings settings, CancellationToken ct) =>
        SendAsync(HttpMethod.Patch, $"indexes/{Esc(uid)}/settings", settings, ct);

    /// <summary>Adds documents, replacing any with the same id (idempotent).</summary>
    public Task<TaskRef> ReplaceDocumentsAsync<T>(string uid, IReadOnlyCollection<T> documents, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"indexes/{Esc(uid)}/documents?primaryKey=id", documents, ct);

    /// <summary>Deletes documents by id; ids that are not there are fine (idempotent).</summary>
    public Task<TaskRef> DeleteDocumentsAsync(string uid, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"indexes/{Esc(uid)}/documents/delete-batch", ids, ct);

    /// <summary>Swaps two indexes' contents atomically: searches on either name see the other's documents from then on.</summary>
    public Task<TaskRef> SwapIndexesAsync(string a, string b, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "swap-indexes", new[] { new { indexes = new[] { a, b } } }, ct);

    /// <summary>Several searches in one round trip; results come back in the order of the queries.</summary>
    public async Task<List<SearchResponse<T>>> MultiSearchAsync<T>(IReadOnlyList<SearchRequest> queries, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("multi-search", new { queries }, Json, ct);
        return (await ReadAsync<MultiSearchResponse<T>>(response, ct)).Results;
    }

    public async Task<TaskInfo> GetTaskAsync(long taskUid, CancellationToken ct)
    {
        using var response = await http.GetAsync($"tasks/{taskUid.ToString(CultureInfo.InvariantCulture)}", ct);
        return await ReadAsync<TaskInfo>(response, ct);
    }

    /// <summary>
    /// Polls the task until Meilisearch has finished it (there is no push); short intervals first, as most tasks here
    /// take milliseconds. Throws <see cref="MeilisearchTaskFailedException"/> when the task failed.
    /// </summary>
    public async Task<TaskInfo> WaitForTaskAsync(TaskRef task, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + timeout;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var info = await GetTaskAsync(task.TaskUid, ct);
            switch (info.Status)
            {
                case "succeeded": return info;
                case "failed" or "canceled": throw new MeilisearchTaskFailedException(info);
            }
            if (clock.GetUtcNow() > deadline)
                throw new TimeoutException($"Meilisearch task {task.TaskUid} ({info.Type}) is still {info.Status} after {timeout}.");
            await Task.Delay(delay, clock, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }

    private async Task<TaskRef> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        using var response = await http.SendAsync(request, ct);
        return await ReadAsync<TaskRef>(response, ct);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            MeilisearchError? error = null;
            try { error = await response.Content.ReadFromJsonAsync<MeilisearchError>(Json, ct); }
            catch (JsonException) { }
            throw new MeilisearchException(response.StatusCode, error?.Code, error?.Message ?? response.ReasonPhrase ?? "no message");
        }
        return await response.Content.ReadFromJsonAsync<T>(Json, ct) ?? throw new MeilisearchException(response.StatusCode, null, "empty response");
    }

    private static string Esc(string uid) => Uri.EscapeDataString(uid);

    private sealed record Page<T>(List<T> Results);
    private sealed record IndexStats(long NumberOfDocuments);
    private sealed record MultiSearchResponse<T>(List<SearchResponse<T>> Results);
    private sealed record MeilisearchError(string? Message, string? Code);
}

public sealed record IndexInfo(string Uid, string? PrimaryKey);

/// <summary>What Meilisearch answers to a write: the task that will carry it out.</summary>
public sealed record TaskRef(long TaskUid, string? Status);

public sealed record TaskInfo(long Uid, string Status, string? Type, JsonObject? Error, string? Duration);

public sealed record IndexSettings
{
    public IReadOnlyList<string>? SearchableAttributes { get; init; }
    public IReadOnlyList<string>? FilterableAttributes { get; init; }
    public IReadOnlyList<string>? SortableAttributes { get; init; }
    public IReadOnlyList<string>? RankingRules { get; init; }
    public TypoToleranceSettings? TypoTolerance { get; init; }
    public PaginationSettings? Pagination { get; init; }
}

public sealed record TypoToleranceSettings(bool Enabled, MinWordSizeForTypos MinWordSizeForTypos);
public sealed record MinWordSizeForTypos(int OneTypo, int TwoTypos);
public sealed record PaginationSettings(int MaxTotalHits);

/// <summary>One search of a multi-search. Either Page and HitsPerPage (exact totals) or Offset and Limit.</summary>
public sealed record SearchRequest
{
    public required string IndexUid { get; init; }
    public string? Q { get; init; }
    public string? Filter { get; init; }
    public IReadOnlyList<string>? Sort { get; init; }
    public int? Page { get; init; }
    public int? HitsPerPage { get; init; }
    public int? Offset { get; init; }
    public int? Limit { get; init; }
    public IReadOnlyList<string>? AttributesToRetrieve { get; init; }
    public string? MatchingStrategy { get; init; }
}

public sealed record SearchResponse<T>(List<T> Hits, int? TotalHits, int? EstimatedTotalHits, int ProcessingTimeMs);

/// <summary>Meilisearch answered with an error status (or not at all in a usable way).</summary>
public class MeilisearchException(HttpStatusCode status, string? code, string message)
    : Exception($"Meilisearch {(int)status} {code}: {message}")
{
    public HttpStatusCode Status { get; } = status;
    public string? Code { get; } = code;
    /// <summary>Server trouble (5xx, 429) rather than a request Meilisearch refuses.</summary>
    public bool IsTransient => (int)Status >= 500 || Status == HttpStatusCode.TooManyRequests;
}

/// <summary>Meilisearch accepted a write but could not apply it (for instance a document it refuses).</summary>
public sealed class MeilisearchTaskFailedException(TaskInfo task)
    : Exception($"Meilisearch task {task.Uid} ({task.Type}) {task.Status}: {task.Error?["message"]}")
{
    public TaskInfo Task { get; } = task;
}
