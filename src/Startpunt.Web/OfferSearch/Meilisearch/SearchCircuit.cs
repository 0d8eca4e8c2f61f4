namespace Startpunt.Web.OfferSearch.Meilisearch;

/// <summary>
/// Whether searches may go to Meilisearch right now. One failure opens the circuit: for
/// <see cref="MeilisearchOptions.BreakDuration"/> every search goes straight to SQLite instead of waiting on a dead
/// server; then a single request probes, and its success closes the circuit again. The sync reports too, so that a
/// server it sees coming back is used again at once.
/// </summary>
public sealed class SearchCircuit(TimeProvider clock, Microsoft.Extensions.Options.IOptions<MeilisearchOptions> options)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private bool _open;
    private bool _probing;

    public bool IsOpen { get { lock (_lock) return _open; } }
    public DateTimeOffset? FailingSince { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>True when this search may use Meilisearch; while the circuit is open only one probe at a time is let through.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (!_open) return true;
            if (_probing || clock.GetUtcNow() < _openUntil) return false;
            _probing = true;
            return true;
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            _open = false;
            _probing = false;
            FailingSince = null;
            LastError = null;
        }
    }

    public void Failed(Exception error)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            FailingSince ??= now;
            LastError = error.GetBaseException().Message;
            _open = true;
            _probing = false;
            _openUntil = now + options.Value.BreakDuration;
        }
    }
}
