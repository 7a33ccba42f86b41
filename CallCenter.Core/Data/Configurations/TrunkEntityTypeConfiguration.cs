using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class TrunkEntityTypeConfiguration : IEntityTypeConfiguration<Trunk>
{
    public void Configure(EntityTypeBuilder<Trunk> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(ColumnLengths.Name);
        builder.Property(t => t.Host).HasMaxLength(ColumnLengths.HostName);
        builder.Property(t => t.OutboundProxy).HasMaxLength(ColumnLengths.HostName);
        builder.Property(t => t.Username).HasMaxLength(ColumnLengths.UserName);
        builder.Property(t => t.CallerId).HasMaxLength(ColumnLengths.Number);
        builder.Property(t => t.OutboundPrefix).HasMaxLength(ColumnLengths.Code);
        builder.HasIndex(t => t.Name).IsUnique();
    }
}
