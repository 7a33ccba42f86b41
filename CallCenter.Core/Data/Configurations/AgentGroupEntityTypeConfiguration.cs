using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class AgentGroupEntityTypeConfiguration : IEntityTypeConfiguration<AgentGroup>
{
    public void Configure(EntityTypeBuilder<AgentGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(ColumnLengths.Name);
        builder.Property(g => g.Description).HasMaxLength(ColumnLengths.Description);
        builder.HasIndex(g => g.Name).IsUnique();
    }
}
