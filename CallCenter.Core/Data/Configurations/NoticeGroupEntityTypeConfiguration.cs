using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class NoticeGroupEntityTypeConfiguration : IEntityTypeConfiguration<NoticeGroup>
{
    public void Configure(EntityTypeBuilder<NoticeGroup> builder)
    {
        builder.HasKey(g => new { g.NoticeId, g.GroupId });

        builder.HasOne(g => g.Notice)
            .WithMany(n => n.Groups)
            .HasForeignKey(g => g.NoticeId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(g => g.Group)
            .WithMany()
            .HasForeignKey(g => g.GroupId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
