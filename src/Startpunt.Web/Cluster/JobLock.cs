using System.Collections.Concurrent;
using Medallion.Threading.Postgres;

namespace Startpunt.Web.Cluster;

/// <summary>
/// Background work that must run on one node at a time (reminders, the search-outbox drain with its contract sweep,
/// database maintenance): each run first takes the job's lock, and a node that does not get it skips that run. Nothing
/// is elected and nothing needs handing over: whichever node is alive takes the next run, and the work itself reads its
/// state from the database (which reminders went out, which outbox rows are processed), so a later run on another node
/// does not repeat it.
/// </summary>
public interface IJobLock
{
    /// <summary>The job's lock, held until disposed; null when another node runs that job right now.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken ct);
}

public static class JobLockExtensions
{
    /// <summary>Runs <paramref name="work"/> when this node gets the job's lock; otherwise returns <paramref name="skipped"/>.</summary>
    public static async Task<T> RunAloneAsync<T>(this IJobLock locks, string job, Func<Task<T>> work, T skipped, CancellationToken ct)
    {
        var held = await locks.TryAcquireAsync(job, ct);
        if (held is null) return skipped;
        await using (held) return await work();
    }
}

/// <summary>
/// PostgreSQL: a session-level advisory lock per job (DistributedLock.Postgres). The server releases it when the
/// holding connection ends, so when a node dies (even by SIGKILL) another node takes the next run.
/// </summary>
public sealed class PostgresJobLock(string connectionString) : IJobLock
{
    public async Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken ct) =>
        await new PostgresDistributedLock(new PostgresAdvisoryLockKey($"startpunt:{job}", allowHashing: true), connectionString)
            .TryAcquireAsync(TimeSpan.Zero, ct);
}

/// <summary>SQLite: one process serves the portal, so a lock within the process is all there is to it.</summary>
public sealed class InProcessJobLock : IJobLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(job, _ => new SemaphoreSlim(1, 1));
        return Task.FromResult<IAsyncDisposable?>(gate.Wait(0) ? new Held(gate) : null);
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
