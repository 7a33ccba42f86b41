using CallCenter.Core.Domain;
using CallCenter.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Data;

/// <summary>The database itself refuses duplicates, whatever a page or an import forgot to check.</summary>
public sealed class UniqueConstraintTests : IDisposable
{
    private const int SqliteConstraint = 19;
    private readonly SqliteTestDatabase _database = new();

    [Fact]
    public async Task TwoAgentsCannotShareAnExtension()
    {
        await AddAsync(new Agent { WorkNumber = "A1001", Name = "王芳", Extension = "1001" });

        var error = await Assert.ThrowsAsync<DbUpdateException>(
            () => AddAsync(new Agent { WorkNumber = "A1002", Name = "李强", Extension = "1001" }));

        var sqlite = Assert.IsType<SqliteException>(error.InnerException);
        Assert.Equal(SqliteConstraint, sqlite.SqliteErrorCode);
        Assert.Contains("Agents.Extension", sqlite.Message);
    }

    [Fact]
    public async Task ManyAgentsMayHaveNoWebAccountButOneAccountIsOneAgent()
    {
        var user = new AppUser { UserName = "agent01", NormalizedUserName = "AGENT01", DisplayName = "王芳" };
        await using (var db = _database.CreateDbContext())
        {
            db.Users.Add(user);
            db.Agents.Add(new Agent { WorkNumber = "A1001", Name = "王芳", Extension = "1001", UserId = user.Id });
            db.Agents.Add(new Agent { WorkNumber = "A1002", Name = "李强", Extension = "1002" });
            db.Agents.Add(new Agent { WorkNumber = "A1003", Name = "赵敏", Extension = "1003" });
            await db.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<DbUpdateException>(
            () => AddAsync(new Agent { WorkNumber = "A1004", Name = "孙丽", Extension = "1004", UserId = user.Id }));

        Assert.Contains("Agents.UserId", error.InnerException?.Message);
    }

    private async Task AddAsync(Agent agent)
    {
        await using var db = _database.CreateDbContext();
        db.Agents.Add(agent);
        await db.SaveChangesAsync();
    }

    public void Dispose() => _database.Dispose();
}
