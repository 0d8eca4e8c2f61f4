using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Tests.Infrastructure;

/// <summary>The real app with the regions and catalogues but no demo content: tests put in exactly what they check.</summary>
public sealed class BareFactory : StartpuntFactory
{
    public const string Password = "een-lang-wachtwoord-2026";
    protected override bool SeedDemo => false;

    /// <summary>
    /// An account; administrators and contract managers get two-step sign-in switched on (their pages require it), and
    /// <see cref="Forms.SignedInAsync"/> answers the code.
    /// </summary>
    public async Task<StartpuntUser> CreateUserAsync(string email, string role, string? regionId = null, int? providerId = null, bool? twoFactor = null, bool organisationAdministrator = true)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StartpuntUser>>();
        var user = new StartpuntUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], RegionId = regionId };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        if (twoFactor ?? role is Roles.Administrator or Roles.ContractManager)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        if (providerId is { } id)
        {
            var db = scope.ServiceProvider.GetRequiredService<StartpuntDb>();
            db.OrganisationMembers.Add(new OrganisationMember { UserId = user.Id, ProviderId = id, IsAdministrator = organisationAdministrator });
            await db.SaveChangesAsync();
        }
        return user;
    }

    /// <summary>A provider with one offer of the product at the postcode area's point, confirmed at the given moment.</summary>
    public async Task<Offer> CreateOfferAsync(string providerName, string productCode, int pc4, int waitingWeeks, DateTime confirmedAt, bool intakeOpen = true, string regionId = "westfriesland")
    {
        await using var db = CreateDb();
        var product = await db.Products.SingleAsync(p => p.RegionId == regionId && p.Code == productCode);
        var area = await db.PostcodeAreas.SingleAsync(p => p.Pc4 == pc4);
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Name == providerName) ?? new Provider { Name = providerName, Email = $"{providerName.Replace(" ", "").ToLowerInvariant()}@example.org" };
        var location = new Location { Provider = provider, Name = providerName, Street = "Kerkstraat", HouseNumber = "1", Postcode = $"{pc4} AA", Town = area.Place, MunicipalityCode = area.MunicipalityCode, Latitude = area.Latitude, Longitude = area.Longitude };
        var offer = new Offer
        {
            RegionId = regionId, Provider = provider, ProductId = product.Id, CreatedAt = confirmedAt.AddDays(-100),
            Location = product.Delivery == Delivery.Location ? location : null,
            Availability = new Availability { WaitingWeeks = waitingWeeks, IntakeOpen = intakeOpen, ConfirmedAt = confirmedAt, ConfirmedBy = "test" },
        };
        if (product.Delivery == Delivery.Home) offer.ServiceArea.Add(new OfferMunicipality { MunicipalityCode = area.MunicipalityCode! });
        offer.TargetGroups.Add(new OfferTargetGroup { TargetGroupCode = "ouderen" });
        db.Offers.Add(offer);
        if (product.Delivery == Delivery.Home) db.Locations.Add(location);
        await db.SaveChangesAsync();
        return offer;
    }
}
