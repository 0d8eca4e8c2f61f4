using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data.Configurations;

internal sealed class LotConfiguration : IEntityTypeConfiguration<Lot>
{
    public void Configure(EntityTypeBuilder<Lot> b)
    {
        b.Property(l => l.RegionId).HasMaxLength(64);
        b.Property(l => l.Code).HasMaxLength(64);
        b.Property(l => l.Name).HasMaxLength(200);
        b.HasIndex(l => new { l.RegionId, l.Code }).IsUnique();
        b.HasMany(l => l.Products).WithOne(p => p.Lot).HasForeignKey(p => p.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.Property(p => p.RegionId).HasMaxLength(64);
        b.Property(p => p.Code).HasMaxLength(64);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.UnitCode).HasMaxLength(2);
        b.Property(p => p.CategoryCode).HasMaxLength(2);
        b.Property(p => p.ProductCode).HasMaxLength(10);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Delivery).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Description).HasMaxLength(2000);
        b.HasIndex(p => new { p.RegionId, p.Code }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Levels).WithOne().HasForeignKey(l => l.ProductId);
    }
}

internal sealed class ProductLevelConfiguration : IEntityTypeConfiguration<ProductLevel>
{
    public void Configure(EntityTypeBuilder<ProductLevel> b)
    {
        b.Property(l => l.Code).HasMaxLength(64);
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.Description).HasMaxLength(2000);
        b.HasIndex(l => new { l.ProductId, l.Code }).IsUnique();
    }
}

internal sealed class TargetGroupConfiguration : IEntityTypeConfiguration<TargetGroup>
{
    public void Configure(EntityTypeBuilder<TargetGroup> b)
    {
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(64);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.NameEn).HasMaxLength(200);
        b.Property(t => t.SectorCode).HasMaxLength(64);
    }
}

internal sealed class LanguageConfiguration : IEntityTypeConfiguration<Language>
{
    public void Configure(EntityTypeBuilder<Language> b)
    {
        b.HasKey(l => l.Code);
        b.Property(l => l.Code).HasMaxLength(8);
        b.Property(l => l.Name).HasMaxLength(100);
        b.Property(l => l.NameEn).HasMaxLength(100);
    }
}
