using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.AccountHistory;

/// <summary>
/// The account events that no stored change carries (Data/AccountAudit derives the others in their own save): a
/// sign-in, a failed one, a recovery code used. Who acted is the person signing in; where from is the client address.
/// </summary>
public sealed class AccountEventWriter(StartpuntDb db, AuditActor actor, TimeProvider clock)
{
    public const int RecentSignIns = 10;

    /// <summary>Adds the event to this request's context: it is written by the next save (the caller's, in its transaction).</summary>
    public AccountEvent Add(string kind, StartpuntUser? subject, string subjectName, string? detail = null)
    {
        var name = AccountAudit.Cut(subject?.Email ?? subjectName, 256) ?? "?";
        var entry = new AccountEvent
        {
            At = clock.GetUtcNow().UtcDateTime, Kind = kind,
            ActorId = subject?.Id, ActorName = name, SubjectId = subject?.Id, SubjectName = name,
            Address = actor.Address, Detail = AccountAudit.Cut(detail, 600),
        };
        db.AccountEvents.Add(entry);
        return entry;
    }

    /// <summary>Records a sign-in (or a failed one) in a save of its own: signing in changes nothing else that is stored.</summary>
    public async Task RecordAsync(string kind, StartpuntUser? subject, string subjectName, string? detail, CancellationToken ct = default)
    {
        Add(kind, subject, subjectName, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A person's own last sign-ins, failures too, newest first.</summary>
    public Task<List<AccountEvent>> RecentSignInsAsync(string userId, CancellationToken ct) =>
        db.AccountEvents.AsNoTracking()
            .Where(e => e.SubjectId == userId && (e.Kind == AccountEventKinds.SignedIn || e.Kind == AccountEventKinds.SignInFailed || e.Kind == AccountEventKinds.LockedOut))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(RecentSignIns).ToListAsync(ct);
}
