using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class CustomerPhoneEntityTypeConfiguration : IEntityTypeConfiguration<CustomerPhone>
{
    public void Configure(EntityTypeBuilder<CustomerPhone> builder)
    {
        builder.Property(p => p.Number).HasMaxLength(ColumnLengths.Number);

        builder.HasOne(p => p.Customer)
            .WithMany(c => c.Phones)
            .HasForeignKey(p => p.CustomerId)
            .OnDelete(DeleteBehavior.Cascade);

        // Screen pop: the caller's number finds the customer. Not unique, a switchboard number is shared.
        builder.HasIndex(p => p.Number);
    }
}
