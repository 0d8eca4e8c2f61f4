namespace Startpunt.Web.OfferSearch.Meilisearch;

/// <summary>
/// What the index sync last managed, for the health check, the fallback and tests. After a failure the index is
/// not trusted (searches use SQLite) until the sync has caught up with the outbox again, so that a returning server
/// never shows results older than the database.
/// </summary>
public sealed class IndexSyncStatus
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _pass = New();

    /// <summary>The index holds every change that was in the outbox when the sync last ran.</summary>
    public bool CaughtUp { get; private set; }
    public DateTimeOffset? LastSuccessAt { get; private set; }
    public DateTimeOffset? FailingSince { get; private set; }
    public string? LastError { get; private set; }

    public void PassSucceeded(DateTimeOffset now, bool outboxEmpty)
    {
        TaskCompletionSource done;
        lock (_lock)
        {
            LastSuccessAt = now;
            FailingSince = null;
            LastError = null;
            if (outboxEmpty) CaughtUp = true;
            done = _pass;
            _pass = New();
        }
        done.TrySetResult();
    }

    public void PassFailed(DateTimeOffset now, Exception error)
    {
        TaskCompletionSource done;
        lock (_lock)
        {
            FailingSince ??= now;
            LastError = error.GetBaseException().Message;
            CaughtUp = false;
            done = _pass;
            _pass = New();
        }
        done.TrySetResult();
    }

    /// <summary>Completes when the sync finishes its next pass over the outbox, successful or not.</summary>
    public Task NextPassAsync(CancellationToken ct)
    {
        lock (_lock) return _pass.Task.WaitAsync(ct);
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
