using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data.Configurations;

internal sealed class StartpuntUserConfiguration : IEntityTypeConfiguration<StartpuntUser>
{
    public void Configure(EntityTypeBuilder<StartpuntUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.RegionId).HasMaxLength(64);
        b.HasOne<Region>().WithMany().HasForeignKey(u => u.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(u => u.Organisations).WithOne().HasForeignKey(m => m.UserId);
    }
}

internal sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> b)
    {
        b.HasKey(m => new { m.UserId, m.ProviderId });
        b.HasOne(m => m.Provider).WithMany().HasForeignKey(m => m.ProviderId);
        b.HasIndex(m => m.ProviderId);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.Role).HasMaxLength(32);
        b.Property(i => i.RegionId).HasMaxLength(64);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.Property(i => i.InvitedBy).HasMaxLength(200);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasOne<Provider>().WithMany().HasForeignKey(i => i.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Region>().WithMany().HasForeignKey(i => i.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.EntityType).HasMaxLength(32);
        b.Property(a => a.Action).HasMaxLength(32);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserName).HasMaxLength(200);
        // No foreign keys: history outlives what it describes.
        b.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
        b.HasIndex(a => new { a.ProviderId, a.At });
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.Property(r => r.SentBy).HasMaxLength(200);
        b.HasOne<Provider>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ProviderId, r.SentAt });
    }
}
