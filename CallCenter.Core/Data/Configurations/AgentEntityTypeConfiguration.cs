using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallCenter.Core.Data.Configurations;

internal sealed class AgentEntityTypeConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> builder)
    {
        builder.Property(a => a.WorkNumber).HasMaxLength(ColumnLengths.Code);
        builder.Property(a => a.Name).HasMaxLength(ColumnLengths.Name);
        builder.Property(a => a.Extension).HasMaxLength(ColumnLengths.Number);
        builder.Property(a => a.SipRealm).HasMaxLength(ColumnLengths.HostName);
        // Hex digests (RFC 7616): MD5 is 32 characters, SHA-256 is 64.
        builder.Property(a => a.SipHa1Md5).HasMaxLength(32);
        builder.Property(a => a.SipHa1Sha256).HasMaxLength(64);

        builder.HasIndex(a => a.Extension).IsUnique();
        builder.HasIndex(a => a.WorkNumber).IsUnique();

        // An agent may exist before (or after) its web account; deleting the account keeps the agent
        // and its history. SQL Server's convention filters the unique index to non-null UserIds.
        builder.HasOne(a => a.User)
            .WithOne(u => u.Agent)
            .HasForeignKey<Agent>(a => a.UserId)
            .OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.UserId).IsUnique();
    }
}
