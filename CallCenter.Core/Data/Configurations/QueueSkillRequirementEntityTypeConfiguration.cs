using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class QueueSkillRequirementEntityTypeConfiguration : IEntityTypeConfiguration<QueueSkillRequirement>
{
    public void Configure(EntityTypeBuilder<QueueSkillRequirement> builder)
    {
        builder.HasKey(r => new { r.QueueId, r.SkillId });

        builder.HasOne(r => r.Queue)
            .WithMany(q => q.RequiredSkills)
            .HasForeignKey(r => r.QueueId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Skill)
            .WithMany()
            .HasForeignKey(r => r.SkillId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
