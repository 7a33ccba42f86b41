using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

/// <summary>
/// Only the columns this product adds; Identity's own model configures the rest (and AppRole entirely).
/// The link to Agent is configured on the Agent side, which holds the foreign key.
/// </summary>
internal sealed class AppUserEntityTypeConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(ColumnLengths.Name);
    }
}
