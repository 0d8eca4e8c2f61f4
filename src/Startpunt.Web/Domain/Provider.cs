using System.Linq.Expressions;

namespace Startpunt.Web.Domain;

/// <summary>A care provider (zorgaanbieder).</summary>
public sealed class Provider : ILastModified
{
    public int Id { get; init; }
    /// <summary>The stable public identifier (open data, HSDS organization id); never reused, never changes.</summary>
    public Guid PublicId { get; init; } = Guid.NewGuid();
    public required string Name { get; set; }
    public string? KvkNumber { get; set; }
    public string? Website { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string Description { get; set; } = "";
    public bool IsDemo { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: goes up by one with every change, so a form with an older version is refused.</summary>
    public int Version { get; set; }
    public List<Location> Locations { get; } = [];
    public List<Offer> Offers { get; } = [];
    public List<Contract> Contracts { get; } = [];

    /// <summary>
    /// The one rule for "this provider works in that region": it has an offer there or a contract for one of the
    /// region's products. An expression, for the region's pages, the accounts list and its invitations.
    /// </summary>
    public static Expression<Func<Provider, bool>> InRegion(string regionId) =>
        p => p.Offers.Any(o => o.RegionId == regionId) || p.Contracts.Any(c => c.Product!.RegionId == regionId);
}

/// <summary>
/// A region's contract manager (or an administrator) stopped a provider in that region: its offers there are paused
/// with <see cref="Reason"/>, and its people cannot change them until the region undoes it. Other regions are not touched.
/// </summary>
public sealed class ProviderDeactivation
{
    public const int ReasonMaxLength = 500;

    public int ProviderId { get; init; }
    public required string RegionId { get; init; }
    public required string Reason { get; set; }
    public DateTime DeactivatedAt { get; init; }
    public required string DeactivatedBy { get; init; }
}

/// <summary>An address where a provider works; coordinates are WGS84 degrees.</summary>
public sealed class Location : ILastModified
{
    public int Id { get; init; }
    /// <summary>The stable public identifier (open data, HSDS location id).</summary>
    public Guid PublicId { get; init; } = Guid.NewGuid();
    public int ProviderId { get; set; }
    public Provider? Provider { get; set; }
    public required string Name { get; set; }
    public required string Street { get; set; }
    public required string HouseNumber { get; set; }
    /// <summary>Full postcode as written, "1621 AB".</summary>
    public required string Postcode { get; set; }
    public required string Town { get; set; }
    public string? MunicipalityCode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    /// <summary>The location's own phone number, when it has one (otherwise residents call the provider).</summary>
    public string? Phone { get; set; }
    /// <summary>Accessibility facts as codes of <see cref="LocationAccessibility"/>, comma-separated; null for none given.</summary>
    public string? Accessibility { get; set; }
    /// <summary>Opening hours in the stored form of <see cref="Domain.OpeningHours"/>; null when not given.</summary>
    public string? OpeningHours { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: goes up by one with every change, so a form with an older version is refused.</summary>
    public int Version { get; set; }
}

/// <summary>Which products a provider may deliver in which municipalities, and when (raamovereenkomst).</summary>
public sealed class Contract
{
    public int Id { get; init; }
    public int ProviderId { get; set; }
    public Provider? Provider { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public List<ContractMunicipality> Municipalities { get; } = [];
    /// <summary>Optimistic concurrency: goes up by one with every change (its municipalities too).</summary>
    public int Version { get; set; }

    /// <summary>
    /// The one rule for "this contract holds on that day": from its start date up to and including its end date (none:
    /// open-ended). As an expression, so that every engine's query translates it; compiled once for code in memory.
    /// </summary>
    public static Expression<Func<Contract, bool>> ActiveOn(DateOnly day) => Bind(ActiveRule, day);

    public bool IsActiveOn(DateOnly day) => ActiveCompiled(this, day);

    /// <summary>
    /// Contracts that began to hold, or stopped holding, on a day after <paramref name="after"/> up to and including
    /// <paramref name="today"/> (the rule of <see cref="ActiveOn"/> seen across days): their offers' "contracted for" changed.
    /// </summary>
    public static Expression<Func<Contract, bool>> ChangedBetween(DateOnly after, DateOnly today)
    {
        var lastDayBefore = after.AddDays(-1);
        return c => (c.StartDate > after && c.StartDate <= today) || (c.EndDate >= lastDayBefore && c.EndDate < today);
    }

    private static readonly Expression<Func<Contract, DateOnly, bool>> ActiveRule =
        (c, day) => c.StartDate <= day && (c.EndDate == null || c.EndDate >= day);

    private static readonly Func<Contract, DateOnly, bool> ActiveCompiled = ActiveRule.Compile();

    /// <summary>The rule with its day filled in as a captured value, so a database sees it as a parameter.</summary>
    private static Expression<Func<Contract, bool>> Bind(Expression<Func<Contract, DateOnly, bool>> rule, DateOnly day)
    {
        var holder = new DayHolder(day);
        var value = Expression.Property(Expression.Constant(holder), nameof(DayHolder.Day));
        var body = new ReplaceParameter(rule.Parameters[1], value).Visit(rule.Body);
        return Expression.Lambda<Func<Contract, bool>>(body, rule.Parameters[0]);
    }

    private sealed record DayHolder(DateOnly Day);

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

public sealed class ContractMunicipality
{
    public int ContractId { get; init; }
    public required string MunicipalityCode { get; init; }
}

/// <summary>
/// An entity whose last change the open data reports (HSDS last_modified, modified_after). StartpuntDb sets
/// <see cref="UpdatedAt"/> on every save that adds it or changes one of its fields.
/// </summary>
public interface ILastModified
{
    DateTime UpdatedAt { get; set; }
}
