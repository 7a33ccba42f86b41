using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class NoticeReceiptEntityTypeConfiguration : IEntityTypeConfiguration<NoticeReceipt>
{
    public void Configure(EntityTypeBuilder<NoticeReceipt> builder)
    {
        // One receipt per reader: reading twice does not count twice.
        builder.HasKey(r => new { r.NoticeId, r.UserId });

        builder.HasOne(r => r.Notice)
            .WithMany(n => n.Receipts)
            .HasForeignKey(r => r.NoticeId)
            .OnDelete(DeleteBehavior.Cascade);

        // "My unread notices" looks up by reader.
        builder.HasIndex(r => r.UserId);
    }
}
