using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Startpunt.Web.OfferSearch;

namespace Startpunt.Web.Data.Configurations;

internal sealed class SearchOutboxConfiguration : IEntityTypeConfiguration<SearchOutboxEntry>
{
    public void Configure(EntityTypeBuilder<SearchOutboxEntry> b)
    {
        b.ToTable("SearchOutbox");
        b.Property(e => e.LastError).HasMaxLength(1000);
        // No foreign key: a row outlives a removed offer, whose removal the index must still hear about.
        // The sync reads "pending, oldest first"; the purge reads "processed, oldest first".
        b.HasIndex(e => new { e.ProcessedAt, e.Id });
    }
}
