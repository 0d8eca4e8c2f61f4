using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Startpunt.Web.Domain;

namespace Startpunt.Web.Data.Configurations;

internal sealed class AccountEventConfiguration : IEntityTypeConfiguration<AccountEvent>
{
    public void Configure(EntityTypeBuilder<AccountEvent> b)
    {
        b.Property(e => e.Kind).HasMaxLength(32);
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.SubjectId).HasMaxLength(450);
        b.Property(e => e.SubjectName).HasMaxLength(256);
        b.Property(e => e.Address).HasMaxLength(64);
        b.Property(e => e.Detail).HasMaxLength(600);
        // No foreign keys: the history outlives the accounts and organisations it names.
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.SubjectId, e.At });
        b.HasIndex(e => new { e.ProviderId, e.At });
    }
}
