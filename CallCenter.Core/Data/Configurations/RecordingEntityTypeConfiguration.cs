using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class RecordingEntityTypeConfiguration : IEntityTypeConfiguration<Recording>
{
    public void Configure(EntityTypeBuilder<Recording> builder)
    {
        builder.Property(r => r.FilePath).HasMaxLength(ColumnLengths.FilePath);
        builder.Property(r => r.Format).HasMaxLength(ColumnLengths.Code);
        builder.Property(r => r.CallerNumber).HasMaxLength(ColumnLengths.Number);
        builder.Property(r => r.CalleeNumber).HasMaxLength(ColumnLengths.Number);

        // CallId is a plain column, not a foreign key: Call.RecordingId already points the other way,
        // and a key each way would be a cycle SQL Server rejects and EF cannot order on insert.
        builder.HasIndex(r => r.CallId);
        builder.HasIndex(r => r.StartedAt);
    }
}
