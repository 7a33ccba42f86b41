using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class AgentGroupMemberEntityTypeConfiguration : IEntityTypeConfiguration<AgentGroupMember>
{
    public void Configure(EntityTypeBuilder<AgentGroupMember> builder)
    {
        builder.HasKey(m => new { m.GroupId, m.AgentId });

        // A membership row means nothing without either side.
        builder.HasOne(m => m.Group)
            .WithMany(g => g.Members)
            .HasForeignKey(m => m.GroupId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Agent)
            .WithMany(a => a.Groups)
            .HasForeignKey(m => m.AgentId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
