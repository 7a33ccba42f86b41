using CallCenter.Core.Domain;
using CallCenter.Core.Options;
using CallCenter.Core.Services.Audit;
using CallCenter.Core.Services.Recordings;

namespace CallCenter.Tests.Core.Services.Customers;

/// <summary>The history's "may play" must say what the recording endpoint will answer, or a page offers players that fail.</summary>
public sealed class RecordingVisibilityTests : IDisposable
{
    private readonly CustomerTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task MayPlayAgreesWithThePlaybackServiceForEveryRole()
    {
        var customer = await _host.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        var (agentUser, agent) = await _host.AddAgentAsync("agent01", "1001");
        var (otherUser, other) = await _host.AddAgentAsync("agent02", "1002");
        await _host.AddCallAsync(customer, CustomerTestHost.Now.AddHours(-2), agent, recorded: true);
        await _host.AddCallAsync(customer, CustomerTestHost.Now.AddHours(-1), other, recorded: true);
        var playback = new RecordingPlaybackService(_host.Database, new AuditService(_host.Database, _host.Clock),
            Microsoft.Extensions.Options.Options.Create(new CallCenterOptions { DataDir = Path.GetTempPath() }));
        var viewers = new[]
        {
            CustomerTestHost.Viewer(agentUser, "agent01", Roles.Agent),
            CustomerTestHost.Viewer(otherUser, "agent02", Roles.Agent),
            CustomerTestHost.Viewer(agentUser, "agent01"),
            CustomerTestHost.Viewer(null, "nobody", Roles.Agent),
        }.Concat(new[] { Roles.ShiftLeader, Roles.Supervisor, Roles.Manager, Roles.Admin }.Select(r => CustomerTestHost.Viewer(Guid.NewGuid(), r, r)));

        var checkedPairs = 0;
        foreach (var viewer in viewers)
        {
            var history = await _host.Customers.HistoryAsync(customer, viewer);
            foreach (var call in history.Calls)
            {
                // The files are not there: an allowed request is NotFound, a refused one Forbidden.
                var access = (await playback.OpenAsync(call.RecordingId!.Value, viewer, null, null, CancellationToken.None)).Access;
                Assert.Equal(access != RecordingAccess.Forbidden, call.CanPlay);
                checkedPairs++;
            }
        }
        Assert.Equal(16, checkedPairs);
    }
}
