using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class CallLegEntityTypeConfiguration : IEntityTypeConfiguration<CallLeg>
{
    public void Configure(EntityTypeBuilder<CallLeg> builder)
    {
        builder.Property(l => l.Number).HasMaxLength(ColumnLengths.Number);
        builder.Property(l => l.SipCallId).HasMaxLength(ColumnLengths.SipCallId);
        builder.Property(l => l.EndCause).HasMaxLength(ColumnLengths.Cause);

        builder.HasOne(l => l.Call)
            .WithMany(c => c.Legs)
            .HasForeignKey(l => l.CallId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.CallId);
    }
}
