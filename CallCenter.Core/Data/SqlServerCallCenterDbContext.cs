using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Data;

/// <summary>The SQL Server flavour of the database; owns the migrations under Data/Migrations/SqlServer.</summary>
public class SqlServerCallCenterDbContext(DbContextOptions<SqlServerCallCenterDbContext> options)
    : CallCenterDbContext(options);
