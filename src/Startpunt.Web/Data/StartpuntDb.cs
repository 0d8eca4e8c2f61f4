using Microsoft.EntityFrameworkCore;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;

namespace Startpunt.Web.Data;

public sealed class StartpuntDb(DbContextOptions<StartpuntDb> options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Lot> Lots => Set<Lot>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductLevel> ProductLevels => Set<ProductLevel>();
    public DbSet<TargetGroup> TargetGroups => Set<TargetGroup>();
    public DbSet<Language> Languages => Set<Language>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<PostcodeArea> PostcodeAreas => Set<PostcodeArea>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StartpuntDb).Assembly);
}
