using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class IvrFlowEntityTypeConfiguration : IEntityTypeConfiguration<IvrFlow>
{
    public void Configure(EntityTypeBuilder<IvrFlow> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(ColumnLengths.Name);
        builder.Property(f => f.Description).HasMaxLength(ColumnLengths.Description);
        builder.HasIndex(f => f.Name).IsUnique();
    }
}
