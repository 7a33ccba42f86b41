using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class DialledNumberEntityTypeConfiguration : IEntityTypeConfiguration<DialledNumber>
{
    public void Configure(EntityTypeBuilder<DialledNumber> builder)
    {
        builder.Property(d => d.Number).HasMaxLength(ColumnLengths.Number);
        builder.Property(d => d.Target).HasMaxLength(ColumnLengths.Name);
        builder.Property(d => d.Description).HasMaxLength(ColumnLengths.Description);
        builder.HasIndex(d => d.Number).IsUnique();
    }
}
