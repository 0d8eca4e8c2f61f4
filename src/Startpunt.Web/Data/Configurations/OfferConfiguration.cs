using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data.Configurations;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> b)
    {
        b.Property(o => o.RegionId).HasMaxLength(64);
        b.Property(o => o.Description).HasMaxLength(Offer.DescriptionMaxLength);
        b.Property(o => o.DayParts).HasMaxLength(200);
        b.Property(o => o.Transport).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.PausedReason).HasMaxLength(Offer.PausedReasonMaxLength);
        // A removed offer is kept for its history and hidden from every query.
        b.HasQueryFilter(o => o.RemovedAt == null);
        b.Property(o => o.SearchText).HasMaxLength(4000);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.OwnsOne(o => o.Availability, a =>
        {
            a.Property(x => x.IntakeOpen).HasColumnName("IntakeOpen");
            a.Property(x => x.WaitingWeeks).HasColumnName("WaitingWeeks");
            a.Property(x => x.FreePlaces).HasColumnName("FreePlaces");
            a.Property(x => x.ConfirmedAt).HasColumnName("ConfirmedAt");
            a.Property(x => x.ConfirmedBy).HasColumnName("ConfirmedBy").HasMaxLength(200);
        });
        b.Navigation(o => o.Availability).IsRequired();
        b.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Product).WithMany().HasForeignKey(o => o.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.ProductLevel).WithMany().HasForeignKey(o => o.ProductLevelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Location).WithMany().HasForeignKey(o => o.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.TargetGroups).WithOne().HasForeignKey(t => t.OfferId);
        b.HasMany(o => o.Languages).WithOne().HasForeignKey(l => l.OfferId);
        b.HasMany(o => o.ServiceArea).WithOne().HasForeignKey(m => m.OfferId);
        b.HasIndex(o => new { o.RegionId, o.ProductId });
        b.HasIndex(o => o.PublicId).IsUnique();
    }
}

internal sealed class OfferTargetGroupConfiguration : IEntityTypeConfiguration<OfferTargetGroup>
{
    public void Configure(EntityTypeBuilder<OfferTargetGroup> b)
    {
        b.HasKey(t => new { t.OfferId, t.TargetGroupCode });
        b.Property(t => t.TargetGroupCode).HasMaxLength(64);
        b.HasOne<TargetGroup>().WithMany().HasForeignKey(t => t.TargetGroupCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.TargetGroupCode, t.OfferId });
    }
}

internal sealed class OfferLanguageConfiguration : IEntityTypeConfiguration<OfferLanguage>
{
    public void Configure(EntityTypeBuilder<OfferLanguage> b)
    {
        b.HasKey(l => new { l.OfferId, l.LanguageCode });
        b.Property(l => l.LanguageCode).HasMaxLength(8);
        b.HasOne<Language>().WithMany().HasForeignKey(l => l.LanguageCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.LanguageCode, l.OfferId });
    }
}

internal sealed class OfferMunicipalityConfiguration : IEntityTypeConfiguration<OfferMunicipality>
{
    public void Configure(EntityTypeBuilder<OfferMunicipality> b)
    {
        b.HasKey(m => new { m.OfferId, m.MunicipalityCode });
        b.Property(m => m.MunicipalityCode).HasMaxLength(6);
        b.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.MunicipalityCode, m.OfferId });
    }
}
