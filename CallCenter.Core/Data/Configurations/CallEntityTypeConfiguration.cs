using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class CallEntityTypeConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.Property(c => c.SipCallId).HasMaxLength(ColumnLengths.SipCallId);
        builder.Property(c => c.CallerNumber).HasMaxLength(ColumnLengths.Number);
        builder.Property(c => c.DialledNumber).HasMaxLength(ColumnLengths.Number);
        builder.Property(c => c.EndCause).HasMaxLength(ColumnLengths.Cause);
        builder.Property(c => c.Disposition).HasMaxLength(ColumnLengths.Cause);

        // A call record is history that outlives what it points to, but in different ways:
        // a customer or a recording may be erased (privacy, retention) and the call stays anonymous;
        // agents and queues with traffic are deactivated, so deleting one is refused.
        builder.HasOne(c => c.Customer)
            .WithMany()
            .HasForeignKey(c => c.CustomerId)
            .OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.Recording)
            .WithMany()
            .HasForeignKey(c => c.RecordingId)
            .OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.Queue)
            .WithMany()
            .HasForeignKey(c => c.QueueId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Agent)
            .WithMany()
            .HasForeignKey(c => c.AgentId)
            .OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(c => c.OfferedAt);
        // Caller identification counts a number's calls in the last 24 h and 7 d: a range seek on this index.
        // It also serves every lookup by caller number alone, which the single-column index did.
        builder.HasIndex(c => new { c.CallerNumber, c.OfferedAt });
        builder.HasIndex(c => new { c.AgentId, c.OfferedAt });
        builder.HasIndex(c => new { c.QueueId, c.OfferedAt });
        builder.HasIndex(c => c.CustomerId);
    }
}
