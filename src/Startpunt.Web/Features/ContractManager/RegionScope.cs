using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Data;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Features.ContractManager;

/// <summary>
/// The region a contract manager works for. An administrator may look at any region (?regio=slug); a contract manager
/// only at their own: asking for another region gives not found, so nothing private of another region leaks.
/// </summary>
public sealed class RegionScope(StartpuntDb db)
{
    public async Task<Domain.Region?> ResolveAsync(ClaimsPrincipal user, string? requested, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Administrator))
        {
            var id = string.IsNullOrEmpty(requested) ? await db.Regions.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync(ct) : requested;
            return await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        }
        var own = user.FindFirstValue(StartpuntClaims.Region);
        if (own is null || (!string.IsNullOrEmpty(requested) && requested != own)) return null;
        return await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == own, ct);
    }

    public Task<bool> IsInRegionAsync(int providerId, string regionId, CancellationToken ct) =>
        Providers(regionId).AnyAsync(p => p.Id == providerId, ct);

    /// <summary>Providers with an offer or a contract in the region.</summary>
    public IQueryable<Domain.Provider> Providers(string regionId) =>
        db.Providers.Where(Domain.Provider.InRegion(regionId));
}

/// <summary>
/// A contract manager who asks for another region (?regio=...) gets "geen toegang" (the access-denied page), so they
/// know access is the reason; ids of another region's providers still give not found, so nothing about them leaks.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RegionAccessAttribute : Attribute, Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        string? requested = context.HttpContext.Request.Query["regio"];
        if (!string.IsNullOrEmpty(requested) && user.Identity?.IsAuthenticated == true && !user.IsInRole(Roles.Administrator)
            && requested != user.FindFirstValue(StartpuntClaims.Region))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.ForbidResult();
            return;
        }
        await next();
    }
}
