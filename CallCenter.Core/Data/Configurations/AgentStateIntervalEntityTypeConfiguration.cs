using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class AgentStateIntervalEntityTypeConfiguration : IEntityTypeConfiguration<AgentStateInterval>
{
    public void Configure(EntityTypeBuilder<AgentStateInterval> builder)
    {
        // Written on every state change: a database identity is cheap to insert and orders naturally.
        builder.Property(i => i.Id).ValueGeneratedOnAdd();
        builder.Property(i => i.Reason).HasMaxLength(ColumnLengths.Title);

        // Reports need the history: an agent who has worked is deactivated, not deleted.
        builder.HasOne(i => i.Agent)
            .WithMany()
            .HasForeignKey(i => i.AgentId)
            .OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(i => new { i.AgentId, i.StartedAt });
    }
}
