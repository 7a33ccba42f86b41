using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class VoicemailEntityTypeConfiguration : IEntityTypeConfiguration<Voicemail>
{
    public void Configure(EntityTypeBuilder<Voicemail> builder)
    {
        builder.Property(v => v.CallerNumber).HasMaxLength(ColumnLengths.Number);
        builder.Property(v => v.FilePath).HasMaxLength(ColumnLengths.FilePath);
        builder.HasIndex(v => v.ReceivedAt);
    }
}
