using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class QueueGroupEntityTypeConfiguration : IEntityTypeConfiguration<QueueGroup>
{
    public void Configure(EntityTypeBuilder<QueueGroup> builder)
    {
        builder.HasKey(g => new { g.QueueId, g.GroupId });

        builder.HasOne(g => g.Queue)
            .WithMany(q => q.Groups)
            .HasForeignKey(g => g.QueueId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(g => g.Group)
            .WithMany()
            .HasForeignKey(g => g.GroupId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
