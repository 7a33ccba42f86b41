using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class ServiceRecordEntityTypeConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> builder)
    {
        builder.Property(s => s.Category).HasMaxLength(ColumnLengths.Name);

        // Not cascade from Customer although the record is the customer's: Customer -> Call (set null)
        // -> ServiceRecord is already a path, and SQL Server refuses a second one. Deleting a customer
        // therefore means deleting their service records first, deliberately.
        builder.HasOne(s => s.Customer)
            .WithMany()
            .HasForeignKey(s => s.CustomerId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Call)
            .WithMany()
            .HasForeignKey(s => s.CallId)
            .OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(s => s.Agent)
            .WithMany()
            .HasForeignKey(s => s.AgentId)
            .OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(s => new { s.CustomerId, s.CreatedAt });
        builder.HasIndex(s => s.CallId);
    }
}
