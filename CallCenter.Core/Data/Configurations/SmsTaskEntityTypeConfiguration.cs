using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class SmsTaskEntityTypeConfiguration : IEntityTypeConfiguration<SmsTask>
{
    public void Configure(EntityTypeBuilder<SmsTask> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(ColumnLengths.Title);
        builder.Property(t => t.CreatedBy).HasMaxLength(ColumnLengths.UserName);
    }
}
