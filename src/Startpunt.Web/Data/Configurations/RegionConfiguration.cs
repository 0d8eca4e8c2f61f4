using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(64);
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Intro).HasMaxLength(1000);
        b.Property(r => r.Source).HasMaxLength(300);
        b.Ignore(r => r.Rules);
        b.HasMany(r => r.Municipalities).WithOne(m => m.Region).HasForeignKey(m => m.RegionId);
        b.HasMany(r => r.Lots).WithOne().HasForeignKey(l => l.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.HasKey(m => m.Code);
        b.Property(m => m.Code).HasMaxLength(6);
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.Province).HasMaxLength(100);
        b.Property(m => m.RegionId).HasMaxLength(64);
    }
}
