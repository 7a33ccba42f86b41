using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Tests.Sip.Registrar;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Calls;

/// <summary>
/// Crash recovery of call records with the real product as a child process: one finished call and one
/// call still up when the process is killed; after a start on the same DataDir the finished call is
/// untouched and the open one is closed as abnormal ("abnormal: restart", hung up by the system).
/// </summary>
[Collection(ProductProcessCollection.Name)]
public sealed class RestartRecoveryTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task KilledMidCallTheOpenCallIsClosedAsAbnormalAtTheNextStartAndTheFinishedOneIsKept()
    {
        var dataDir = Directory.CreateTempSubdirectory("cc-restart-").FullName;
        var database = Path.Combine(dataDir, "callcenter.db");
        ProductProcess? product = null;
        Task? heldCallee = null;
        Task? heldCaller = null;
        try
        {
            product = await ProductProcess.StartAsync(dataDir, StartLimit);
            var calleePort = SippRunner.FreeUdpPort();
            var registered = await SippRunner.RunAsync(product.SipEndPoint, "register-auth.xml", ["1002;300;"], "1002", "sip1002demo", calls: 1, localPort: calleePort);
            Assert.True(registered.ExitCode == 0, registered.ToString());

            // Call 1: complete (answered, BYE from the caller).
            var callee = CallSipp.RunAsync(product.SipEndPoint, CallSipp.Scenario("uas-answer.xml"), calleePort, "1002", "sip1002demo");
            await Task.Delay(300);
            var caller = await CallSipp.RunAsync(product.SipEndPoint, CallSipp.Scenario("uac-call.xml"), SippRunner.FreeUdpPort(), "1001", "sip1001demo", "1002;1001;");
            var calleeResult = await callee;
            Assert.True(caller.ExitCode == 0, caller.ToString());
            Assert.True(calleeResult.ExitCode == 0, calleeResult.ToString());
            var finished = await WaitForCallAsync(database, c => c.EndedAt != null, TimeSpan.FromSeconds(5));
            Assert.NotNull(finished);

            // Call 2: answered and left up (the caller would wait a minute); both sipps end by their own time-out.
            heldCallee = CallSipp.RunAsync(product.SipEndPoint, CallSipp.Scenario("uas-answer.xml"), calleePort, "1002", "sip1002demo", timeoutSeconds: 8);
            await Task.Delay(300);
            heldCaller = CallSipp.RunAsync(product.SipEndPoint, CallSipp.Scenario("uac-pause.xml"), SippRunner.FreeUdpPort(), "1001", "sip1001demo", "1002;1001;", 8, "-d", "60000");
            var open = await WaitForCallAsync(database, c => c.Id != finished.Id && c.AnsweredAt != null && c.EndedAt == null, TimeSpan.FromSeconds(5));
            Assert.True(open is not null, "the second call was not answered:\n" + product.Output);

            await product.KillAsync();
            await product.DisposeAsync();
            product = null;
            product = await ProductProcess.StartAsync(dataDir, StartLimit);

            var calls = await ReadCallsAsync(database);
            var kept = Assert.Single(calls, c => c.Id == finished.Id);
            Assert.Equal((finished.EndedAt, finished.AnsweredAt, finished.TalkSeconds), (kept.EndedAt, kept.AnsweredAt, kept.TalkSeconds));
            Assert.Equal((HangupParty.Caller, "normal", false), (kept.HangupBy, kept.EndCause, kept.IsAbnormal));
            Assert.All(kept.Legs, l => Assert.NotEqual("abnormal: restart", l.EndCause));

            var closed = Assert.Single(calls, c => c.Id == open.Id);
            Assert.Equal((HangupParty.System, "abnormal: restart", true), (closed.HangupBy, closed.EndCause, closed.IsAbnormal));
            Assert.NotNull(closed.EndedAt);
            Assert.True(closed.EndedAt >= closed.AnsweredAt);
            Assert.Equal(2, closed.Legs.Count);
            Assert.All(closed.Legs, l => Assert.NotNull(l.EndedAt));
            Assert.Equal(2, calls.Count);
        }
        finally
        {
            if (product is not null)
            {
                await product.DisposeAsync();
            }
            // The held sipps fail by their time-out (no BYE ever comes); only their end matters here.
            foreach (var sipp in new[] { heldCallee, heldCaller })
            {
                if (sipp is not null)
                {
                    await Task.WhenAny(sipp);
                }
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<Call?> WaitForCallAsync(string database, Func<Call, bool> match, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var call = (await ReadCallsAsync(database)).FirstOrDefault(match);
            if (call is not null || DateTime.UtcNow >= deadline)
            {
                return call;
            }
            await Task.Delay(100);
        }
    }

    private static async Task<List<Call>> ReadCallsAsync(string database)
    {
        var options = new DbContextOptionsBuilder<SqliteCallCenterDbContext>().UseSqlite($"Data Source={database}").Options;
        await using var db = new SqliteCallCenterDbContext(options);
        // Only the test's calls: the demo organisation brings its own simulated history.
        return await db.Calls.AsNoTracking().Include(c => c.Legs)
            .Where(c => c.CallerNumber == "1001" && c.DialledNumber == "1002" && c.SipCallId != null)
            .ToListAsync();
    }
}
