using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class CustomerEntityTypeConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(ColumnLengths.Name);
        builder.Property(c => c.Company).HasMaxLength(ColumnLengths.Title);
        builder.Property(c => c.Address).HasMaxLength(ColumnLengths.Description);
        builder.Property(c => c.Email).HasMaxLength(ColumnLengths.Email);
        builder.Property(c => c.Tags).HasMaxLength(ColumnLengths.Description);

        builder.HasIndex(c => c.Name);
        builder.HasIndex(c => c.Company);
    }
}
