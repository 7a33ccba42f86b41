using CallCenter.Core.Domain;
using CallCenter.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Data;

public sealed class OptimisticConcurrencyTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    [Fact]
    public async Task SecondEditOfAStaleAgentIsRejectedAndTheFirstStays()
    {
        var agent = new Agent { WorkNumber = "A1001", Name = "王芳", Extension = "1001" };
        await using (var db = _database.CreateDbContext())
        {
            db.Agents.Add(agent);
            await db.SaveChangesAsync();
        }

        await using var first = _database.CreateDbContext();
        await using var second = _database.CreateDbContext();
        var firstCopy = await first.Agents.SingleAsync(a => a.Id == agent.Id);
        var secondCopy = await second.Agents.SingleAsync(a => a.Id == agent.Id);

        firstCopy.Name = "王芳 (组长)";
        await first.SaveChangesAsync();
        secondCopy.Name = "王芳 (离职)";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = _database.CreateDbContext();
        var stored = await check.Agents.SingleAsync(a => a.Id == agent.Id);
        Assert.Equal("王芳 (组长)", stored.Name);
        Assert.Equal(firstCopy.Version, stored.Version);
        Assert.NotEqual(agent.Version, stored.Version);
    }

    [Fact]
    public void EveryVersionedEntityHasItsVersionAsConcurrencyToken()
    {
        using var db = _database.CreateDbContext();
        var versioned = db.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)).ToList();

        Assert.Contains(versioned, e => e.ClrType == typeof(Agent));
        Assert.All(versioned, e => Assert.True(
            e.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken,
            $"{e.ClrType.Name}.Version is not a concurrency token"));
    }

    public void Dispose() => _database.Dispose();
}
