using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data.Content;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Infrastructure;

/// <summary>Looks up the demo accounts' organisations and offers.</summary>
public static class DemoData
{
    public static string ProviderEmail => DemoAccounts.All[0].Email;
    public static string OtherProviderEmail => DemoAccounts.All[1].Email;
    public static string ConsultantEmail => DemoAccounts.All[2].Email;
    public static string ContractManagerEmail => DemoAccounts.All[3].Email;
    public static string AdministratorEmail => DemoAccounts.All[4].Email;

    public static async Task<int> OrganisationOfAsync(this StartpuntFactory app, string email)
    {
        await using var db = app.CreateDb();
        return await db.OrganisationMembers.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == email)).Select(m => m.ProviderId).SingleAsync();
    }

    public static async Task<Offer> FirstOfferAsync(this StartpuntFactory app, int providerId, Func<IQueryable<Offer>, IQueryable<Offer>>? filter = null)
    {
        await using var db = app.CreateDb();
        var q = db.Offers.AsNoTracking().Where(o => o.ProviderId == providerId);
        return await (filter?.Invoke(q) ?? q).OrderBy(o => o.Id).FirstAsync();
    }

    public static async Task<Offer> OfferAsync(this StartpuntFactory app, int offerId)
    {
        await using var db = app.CreateDb();
        return await db.Offers.IgnoreQueryFilters().AsNoTracking().Include(o => o.TargetGroups).SingleAsync(o => o.Id == offerId);
    }

    public static async Task<List<AuditEntry>> HistoryAsync(this StartpuntFactory app, int offerId)
    {
        await using var db = app.CreateDb();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Offer" && a.EntityId == offerId).OrderBy(a => a.Id).ToListAsync();
    }
}
