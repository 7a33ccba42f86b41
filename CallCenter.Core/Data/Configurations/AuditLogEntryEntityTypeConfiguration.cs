using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class AuditLogEntryEntityTypeConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        // Append-only and large: a database identity is the cheapest key to insert.
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Actor).HasMaxLength(ColumnLengths.UserName);
        builder.Property(e => e.Action).HasMaxLength(ColumnLengths.Name);
        builder.Property(e => e.EntityType).HasMaxLength(ColumnLengths.Name);
        builder.Property(e => e.EntityId).HasMaxLength(ColumnLengths.Name);
        builder.Property(e => e.RemoteAddress).HasMaxLength(ColumnLengths.NetworkAddress);

        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.Action);
    }
}
