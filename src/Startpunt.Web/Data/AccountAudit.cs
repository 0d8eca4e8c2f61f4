using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data;

/// <summary>
/// The account history from what the change tracker holds, in the save that makes the change (as <see cref="Audit"/>
/// does for offers): Identity's stores save once per call, and each of those saves carries its own event. So a new
/// password, a lockout, 2FA switched on or off, an e-mail change, a role or membership given or taken, an invitation
/// sent, accepted or revoked and a person switched off are recorded whichever page or command made them.
/// </summary>
internal static class AccountAudit
{
    private sealed record Subject(string? Id, string Name);

    public static async Task<List<AccountEvent>> CollectAsync(StartpuntDb db, AuditActor actor, DateTime now, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        if (tracker.Entries<AccountEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The account history is append-only.");
        var events = new List<AccountEvent>();
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            switch (entry.Entity)
            {
                case StartpuntUser user:
                    var subject = new Subject(user.Id, Original(entry, nameof(StartpuntUser.Email)) ?? user.Email ?? user.UserName ?? "?");
                    foreach (var (change, detail) in UserChanges(entry, user, actor, now))
                        events.Add(Event(change, subject, actor, now, detail: detail));
                    break;
                case IdentityUserRole<string> role when entry.State is EntityState.Added or EntityState.Deleted:
                    var roleName = await db.Roles.AsNoTracking().Where(r => r.Id == role.RoleId).Select(r => r.Name).SingleOrDefaultAsync(ct);
                    events.Add(Event(entry.State == EntityState.Added ? AccountEventKinds.RoleAdded : AccountEventKinds.RoleRemoved,
                        await SubjectAsync(db, role.UserId, ct), actor, now, detail: roleName));
                    break;
                case OrganisationMember member when entry.State is EntityState.Added or EntityState.Deleted:
                    events.Add(Event(entry.State == EntityState.Added ? AccountEventKinds.MemberAdded : AccountEventKinds.MemberRemoved,
                        await SubjectAsync(db, member.UserId, ct), actor, now, member.ProviderId, await ProviderNameAsync(db, member.ProviderId, ct)));
                    break;
                case Invitation invitation:
                    if (InvitationKind(entry) is not { } kind) break;
                    var invited = kind == AccountEventKinds.InvitationAccepted ? await SubjectByEmailAsync(db, invitation.Email, ct) : new Subject(null, invitation.Email);
                    events.Add(Event(kind, invited, actor, now, invitation.ProviderId, invitation.Role));
                    break;
            }
        }
        return events;
    }

    private static IEnumerable<(string Kind, string? Detail)> UserChanges(EntityEntry entry, StartpuntUser user, AuditActor actor, DateTime now)
    {
        if (entry.State == EntityState.Added)
        {
            yield return (AccountEventKinds.AccountCreated, null);
            yield break;
        }
        if (entry.State != EntityState.Modified) yield break;
        // A new password changes the security stamp too; Identity's silent re-hash at sign-in does not.
        if (Changed(entry, nameof(StartpuntUser.PasswordHash)) && Changed(entry, nameof(StartpuntUser.SecurityStamp)))
            yield return (actor.UserId == user.Id ? AccountEventKinds.PasswordChanged : AccountEventKinds.PasswordReset, null);
        if (Changed(entry, nameof(StartpuntUser.Email)))
            yield return (AccountEventKinds.EmailChanged, $"{Original(entry, nameof(StartpuntUser.Email))} → {user.Email}");
        if (Changed(entry, nameof(StartpuntUser.TwoFactorEnabled)))
            yield return (user.TwoFactorEnabled ? AccountEventKinds.TwoFactorOn : AccountEventKinds.TwoFactorOff, null);
        if (Changed(entry, nameof(StartpuntUser.LockoutEnd)) && user.LockoutEnd is { } end && end.UtcDateTime > now)
            yield return (AccountEventKinds.LockedOut, null);
        if (Changed(entry, nameof(StartpuntUser.Deactivated)))
            yield return (user.Deactivated ? AccountEventKinds.Deactivated : AccountEventKinds.Reactivated, null);
    }

    /// <summary>Sent when stored, accepted when used, revoked when removed (or given a revocation time, where the model has one).</summary>
    private static string? InvitationKind(EntityEntry entry)
    {
        if (entry.State == EntityState.Added) return AccountEventKinds.InvitationSent;
        if (entry.State == EntityState.Deleted) return ((Invitation)entry.Entity).UsedAt is null ? AccountEventKinds.InvitationRevoked : null;
        if (Changed(entry, nameof(Invitation.UsedAt)) && ((Invitation)entry.Entity).UsedAt is not null) return AccountEventKinds.InvitationAccepted;
        if (entry.Metadata.FindProperty("RevokedAt") is { } revoked && Changed(entry, revoked.Name) && entry.Property(revoked.Name).CurrentValue is not null)
            return AccountEventKinds.InvitationRevoked;
        return null;
    }

    private static AccountEvent Event(string kind, Subject subject, AuditActor actor, DateTime now, int? providerId = null, string? detail = null)
    {
        // Not signed in, in a request: the person acts on their own account with a link they received (a new password,
        // an accepted invitation). A lockout is the portal's doing; so is what a command or a job does.
        var (actorId, actorName) = actor.UserId is not null ? (actor.UserId, actor.UserName)
            : actor.InRequest && subject.Id is not null && kind != AccountEventKinds.LockedOut ? (subject.Id, subject.Name)
            : ((string?)null, AuditActor.System.UserName);
        return new AccountEvent
        {
            At = now, Kind = kind, ActorId = actorId, ActorName = Cut(actorName, 256)!, SubjectId = subject.Id, SubjectName = Cut(subject.Name, 256)!,
            ProviderId = providerId, Address = actor.Address, Detail = Cut(detail, 600),
        };
    }

    private static async Task<Subject> SubjectAsync(StartpuntDb db, string userId, CancellationToken ct)
    {
        if (db.ChangeTracker.Entries<StartpuntUser>().FirstOrDefault(u => u.Entity.Id == userId) is { } tracked)
            return new Subject(userId, tracked.Entity.Email ?? "?");
        return new Subject(userId, await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct) ?? "?");
    }

    private static async Task<Subject> SubjectByEmailAsync(StartpuntDb db, string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToUpperInvariant();
        if (db.ChangeTracker.Entries<StartpuntUser>().FirstOrDefault(u => u.Entity.NormalizedEmail == normalized) is { } tracked)
            return new Subject(tracked.Entity.Id, tracked.Entity.Email ?? email);
        var id = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
        return new Subject(id, email);
    }

    private static Task<string?> ProviderNameAsync(StartpuntDb db, int providerId, CancellationToken ct) =>
        db.Providers.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == providerId).Select(p => p.Name).SingleOrDefaultAsync(ct);

    private static bool Changed(EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        return p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);
    }

    private static string? Original(EntityEntry entry, string property) =>
        entry.State == EntityState.Added ? null : entry.Property(property).OriginalValue as string;

    internal static string? Cut(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
