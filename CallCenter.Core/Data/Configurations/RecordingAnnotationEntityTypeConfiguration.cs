using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class RecordingAnnotationEntityTypeConfiguration : IEntityTypeConfiguration<RecordingAnnotation>
{
    public void Configure(EntityTypeBuilder<RecordingAnnotation> builder)
    {
        builder.Property(a => a.AuthorUserName).HasMaxLength(ColumnLengths.UserName);

        builder.HasOne<Recording>()
            .WithMany(r => r.Annotations)
            .HasForeignKey(a => a.RecordingId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
