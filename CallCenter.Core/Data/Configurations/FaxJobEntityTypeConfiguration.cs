using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class FaxJobEntityTypeConfiguration : IEntityTypeConfiguration<FaxJob>
{
    public void Configure(EntityTypeBuilder<FaxJob> builder)
    {
        builder.Property(f => f.RemoteNumber).HasMaxLength(ColumnLengths.Number);
        builder.Property(f => f.FilePath).HasMaxLength(ColumnLengths.FilePath);
        builder.Property(f => f.CreatedBy).HasMaxLength(ColumnLengths.UserName);
    }
}
