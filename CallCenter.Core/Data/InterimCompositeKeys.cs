using CallCenter.Core.Domain;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data;

/// <summary>
/// TEMPORARY, web branch only: the join entities need composite keys before the model can be built at all,
/// and their real EntityTypeConfigurations come from the data branch. Delete this file at that merge.
/// One class for all of them so that it is a single file to delete.
/// </summary>
internal sealed class InterimCompositeKeys :
    IEntityTypeConfiguration<AgentGroupMember>,
    IEntityTypeConfiguration<AgentSkill>,
    IEntityTypeConfiguration<QueueGroup>,
    IEntityTypeConfiguration<QueueSkillRequirement>,
    IEntityTypeConfiguration<NoticeGroup>,
    IEntityTypeConfiguration<NoticeReceipt>
{
    public void Configure(EntityTypeBuilder<AgentGroupMember> builder)
    {
        builder.HasKey(e => new { e.GroupId, e.AgentId });
    }

    public void Configure(EntityTypeBuilder<AgentSkill> builder)
    {
        builder.HasKey(e => new { e.AgentId, e.SkillId });
    }

    public void Configure(EntityTypeBuilder<QueueGroup> builder)
    {
        builder.HasKey(e => new { e.QueueId, e.GroupId });
    }

    public void Configure(EntityTypeBuilder<QueueSkillRequirement> builder)
    {
        builder.HasKey(e => new { e.QueueId, e.SkillId });
    }

    public void Configure(EntityTypeBuilder<NoticeGroup> builder)
    {
        builder.HasKey(e => new { e.NoticeId, e.GroupId });
    }

    public void Configure(EntityTypeBuilder<NoticeReceipt> builder)
    {
        builder.HasKey(e => new { e.NoticeId, e.UserId });
    }
}
