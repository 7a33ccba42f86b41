using CallCenter.Core.Data;
using CallCenter.Tests.Support;

using Hangfire;
using Hangfire.Storage.SQLite;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Web;

/// <summary>
/// EF Core's SQLite provider and Hangfire.Storage.SQLite (through sqlite-net) load SQLitePCLRaw
/// into the same process; both must work side by side, in either order. In the web app's collection:
/// Hangfire's logging is process-wide and points at the app's logger factory, alive only with the app.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class HangfireSqliteCoexistenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cc-hf-").FullName;

    [Fact]
    public async Task EfCoreAndHangfireSqliteStorageWorkInOneProcess()
    {
        var options = new DbContextOptionsBuilder<SqliteCallCenterDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_dir, "callcenter.db")};Pooling=False").Options;
        await using (var db = new SqliteCallCenterDbContext(options))
        {
            await db.Database.EnsureCreatedAsync();
            Assert.Equal(0, await db.Queues.CountAsync());
        }

        // A short poll: the storage's default (15 s) would make this test wait on the clock, not on the work.
        var storage = new SQLiteStorage(Path.Combine(_dir, "hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(200) });
        var id = Guid.NewGuid();
        var signal = JobProbe.Expect(id);
        using (new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 1, SchedulePollingInterval = TimeSpan.FromSeconds(1) }, storage))
        {
            new BackgroundJobClient(storage).Enqueue(() => JobProbe.Signal(id));
            await signal.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await using (var db = new SqliteCallCenterDbContext(options))
        {
            db.Queues.Add(new CallCenter.Core.Domain.CallQueue { Name = "probe", DisplayName = "probe" });
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.Queues.CountAsync());
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // sqlite-net may still hold the file for a moment; a temp folder left behind is harmless.
        }
    }
}
