using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class InfoItemEntityTypeConfiguration : IEntityTypeConfiguration<InfoItem>
{
    public void Configure(EntityTypeBuilder<InfoItem> builder)
    {
        // The code is what a caller keys in on the audiotex line.
        builder.Property(i => i.Code).HasMaxLength(ColumnLengths.Code);
        builder.Property(i => i.Category).HasMaxLength(ColumnLengths.Name);
        builder.Property(i => i.Title).HasMaxLength(ColumnLengths.Title);
        builder.Property(i => i.PromptFile).HasMaxLength(ColumnLengths.FilePath);
        builder.HasIndex(i => i.Code).IsUnique();
    }
}
