using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class CallQueueEntityTypeConfiguration : IEntityTypeConfiguration<CallQueue>
{
    public void Configure(EntityTypeBuilder<CallQueue> builder)
    {
        builder.Property(q => q.Name).HasMaxLength(ColumnLengths.Name);
        builder.Property(q => q.DisplayName).HasMaxLength(ColumnLengths.Name);
        builder.Property(q => q.OverflowTarget).HasMaxLength(ColumnLengths.Name);
        builder.Property(q => q.BusinessHours).HasMaxLength(ColumnLengths.BusinessHours);
        builder.HasIndex(q => q.Name).IsUnique();
    }
}
