namespace Startpunt.Web.OfferSearch.Meilisearch;

/// <summary>`Search:Meilisearch`: with a Url, searches go to Meilisearch and the outbox keeps its index in sync.</summary>
public sealed class MeilisearchOptions
{
    public const string Section = "Search:Meilisearch";

    public string? Url { get; set; }
    /// <summary>The master key or an API key with search, documents, indexes, settings and tasks rights.</summary>
    public string? Key { get; set; }
    /// <summary>The index the portal searches; a reindex builds "{Index}_next" and swaps it in.</summary>
    public string Index { get; set; } = "offers";
    /// <summary>How long a search may take before the request falls back to SQLite.</summary>
    public TimeSpan SearchTimeout { get; set; } = TimeSpan.FromMilliseconds(750);
    /// <summary>Time limit for indexing calls (documents, settings, tasks).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>After a failed search, searches skip Meilisearch this long before one request probes it again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Outbox rows sent to Meilisearch per batch.</summary>
    public int BatchSize { get; set; } = 500;
    /// <summary>Documents per request during a full reindex.</summary>
    public int ReindexBatchSize { get; set; } = 5000;
    /// <summary>How often the sync looks at the outbox when no write in this process woke it (other processes write too).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long an indexing task may take before the sync gives up on this attempt and tries again.</summary>
    public TimeSpan TaskTimeout { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Processed outbox rows are kept this long, so that a running reindex can replay what happened meanwhile.</summary>
    public TimeSpan ProcessedRetention { get; set; } = TimeSpan.FromDays(1);
    /// <summary>An outbox row older than this that is not yet in the index makes the health check say "Degraded".</summary>
    public TimeSpan LagWarning { get; set; } = TimeSpan.FromMinutes(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}
