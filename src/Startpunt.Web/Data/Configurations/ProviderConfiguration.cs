using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Startpunt.Web.Domain;
using Startpunt.Web.Geo;

namespace Startpunt.Web.Data.Configurations;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.KvkNumber).HasMaxLength(8);
        b.Property(p => p.Website).HasMaxLength(300);
        b.Property(p => p.Phone).HasMaxLength(30);
        b.Property(p => p.Email).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(4000);
        b.HasIndex(p => p.PublicId).IsUnique();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasMany(p => p.Locations).WithOne(l => l.Provider).HasForeignKey(l => l.ProviderId);
        b.HasMany(p => p.Offers).WithOne(o => o.Provider).HasForeignKey(o => o.ProviderId);
        b.HasMany(p => p.Contracts).WithOne(c => c.Provider).HasForeignKey(c => c.ProviderId);
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> b)
    {
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.Street).HasMaxLength(200);
        b.Property(l => l.HouseNumber).HasMaxLength(20);
        b.Property(l => l.Postcode).HasMaxLength(7);
        b.Property(l => l.Town).HasMaxLength(100);
        b.Property(l => l.MunicipalityCode).HasMaxLength(6);
        b.Property(l => l.Phone).HasMaxLength(30);
        b.Property(l => l.Accessibility).HasMaxLength(200);
        b.Property(l => l.OpeningHours).HasMaxLength(300);
        b.HasIndex(l => l.PublicId).IsUnique();
        b.Property(l => l.Version).IsConcurrencyToken();
        // Geo prefilter of the SQLite search engine: a range on latitude, then longitude.
        b.HasIndex(l => new { l.Latitude, l.Longitude });
    }
}

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne(c => c.Product).WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Municipalities).WithOne().HasForeignKey(m => m.ContractId);
    }
}

internal sealed class ContractMunicipalityConfiguration : IEntityTypeConfiguration<ContractMunicipality>
{
    public void Configure(EntityTypeBuilder<ContractMunicipality> b)
    {
        b.HasKey(m => new { m.ContractId, m.MunicipalityCode });
        b.Property(m => m.MunicipalityCode).HasMaxLength(6);
        b.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostcodeAreaConfiguration : IEntityTypeConfiguration<PostcodeArea>
{
    public void Configure(EntityTypeBuilder<PostcodeArea> b)
    {
        b.HasKey(p => p.Pc4);
        b.Property(p => p.Pc4).ValueGeneratedNever();
        b.Property(p => p.Place).HasMaxLength(100);
        b.Property(p => p.MunicipalityCode).HasMaxLength(6);
    }
}

internal sealed class ProviderDeactivationConfiguration : IEntityTypeConfiguration<ProviderDeactivation>
{
    public void Configure(EntityTypeBuilder<ProviderDeactivation> b)
    {
        b.HasKey(d => new { d.ProviderId, d.RegionId });
        b.Property(d => d.RegionId).HasMaxLength(64);
        b.Property(d => d.Reason).HasMaxLength(ProviderDeactivation.ReasonMaxLength);
        b.Property(d => d.DeactivatedBy).HasMaxLength(200);
        b.HasOne<Provider>().WithMany().HasForeignKey(d => d.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Region>().WithMany().HasForeignKey(d => d.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.RegionId);
    }
}
