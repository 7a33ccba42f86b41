using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class SmsMessageEntityTypeConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> builder)
    {
        builder.Property(m => m.Number).HasMaxLength(ColumnLengths.Number);

        // Single messages (inbound, one-off) have no task; a bulk task owns the messages it created.
        builder.HasOne<SmsTask>()
            .WithMany(t => t.Messages)
            .HasForeignKey(m => m.TaskId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
