using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Data;

/// <summary>The SQLite flavour of the database; owns the migrations under Data/Migrations/Sqlite.</summary>
public class SqliteCallCenterDbContext(DbContextOptions<SqliteCallCenterDbContext> options)
    : CallCenterDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date-time-offset type and EF cannot compare or order the text form,
        // yet every report filters and sorts by time: store UTC ticks as an integer.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
