using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class BlacklistEntryEntityTypeConfiguration : IEntityTypeConfiguration<BlacklistEntry>
{
    public void Configure(EntityTypeBuilder<BlacklistEntry> builder)
    {
        builder.Property(b => b.Number).HasMaxLength(ColumnLengths.Number);
        builder.Property(b => b.Reason).HasMaxLength(ColumnLengths.Title);
        builder.Property(b => b.CreatedBy).HasMaxLength(ColumnLengths.UserName);

        // Not unique: the same number may be listed again after an entry expired.
        builder.HasIndex(b => b.Number);
    }
}
