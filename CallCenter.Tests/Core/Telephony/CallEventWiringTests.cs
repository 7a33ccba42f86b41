using System.Diagnostics;

using CallCenter.Core.Hosting;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Hosting;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Voicemail;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using CallCenterDbContextFactory = Microsoft.EntityFrameworkCore.IDbContextFactory<CallCenter.Core.Data.CallCenterDbContext>;

namespace CallCenter.Tests.Core.Telephony;

/// <summary>The app's composition (AddCallCenterTelephony + AddCallCenterCore) over a fresh SQLite file.</summary>
public sealed class CallEventWiringTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "callcenter-tests", Guid.NewGuid().ToString("N"));
    private readonly IHost _host;

    public CallEventWiringTests()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CallCenter:DataDir"] = _dataDir });
        builder.AddCallCenterTelephony();
        builder.AddCallCenterCore();
        _host = builder.Build();
    }

    public void Dispose()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Fact]
    public void CoreSuppliesTheRoutingPortsAndTheCallRecordWriter()
    {
        Assert.IsType<DialPlan>(_host.Services.GetRequiredService<IDialPlan>());
        Assert.IsType<TrunkDirectory>(_host.Services.GetRequiredService<ITrunkDirectory>());
        Assert.Contains(_host.Services.GetServices<IHostedService>(), s => s is CallRecordWriter);
        Assert.Same(_host.Services.GetRequiredService<CallEventStream>(), _host.Services.GetRequiredService<CallEventStream>());
    }

    [Fact]
    public void CoreSuppliesTheAcdPortsAndTheAgentStateWriter()
    {
        Assert.IsType<AcdDirectory>(_host.Services.GetRequiredService<IAcdDirectory>());
        Assert.IsType<Blacklist>(_host.Services.GetRequiredService<IBlacklist>());
        Assert.IsType<CallerIdentification>(_host.Services.GetRequiredService<ICallerIdentification>());
        Assert.IsType<VoicemailStore>(_host.Services.GetRequiredService<IVoicemailStore>());
        var hosted = _host.Services.GetServices<IHostedService>().ToList();
        Assert.Contains(hosted, s => s is AgentStateIntervalWriter);
        Assert.Same(_host.Services.GetRequiredService<Blacklist>(), Assert.Single(hosted.OfType<Blacklist>()));
        Assert.Same(_host.Services.GetRequiredService<AgentEventStream>(), _host.Services.GetRequiredService<AgentEventStream>());
        Assert.NotNull(_host.Services.GetService<AgentStateRecovery>());
        Assert.NotNull(_host.Services.GetService<VoicemailRecovery>());
    }

    [Fact]
    public async Task EventsPublishedOnTheEnginesStreamBecomeCallRecordsAndARestartClosesOpenOnes()
    {
        await _host.Services.MigrateCallCenterDatabaseAsync();
        var stream = _host.Services.GetRequiredService<CallEventStream>();
        var writer = _host.Services.GetRequiredService<CallRecordWriter>();
        await writer.StartAsync(CancellationToken.None);
        var finished = stream.NewCallId();
        var open = stream.NewCallId();
        var target = new RouteTarget(RouteTargetKind.EchoTest);

        stream.Publish(new CallOffered(finished, stream.Now, "a@test", CallEventDirection.Inbound, "13800138000", "9196", target));
        stream.Publish(new CallEnded(finished, stream.Now, CallEndCause.Normal, HangupSide.Caller));
        stream.Publish(new CallOffered(open, stream.Now, "b@test", CallEventDirection.Inbound, "13900000000", "9196", target));
        var deadline = Stopwatch.StartNew();
        while (writer.Processed < 3 && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
        }
        await writer.StopAsync(CancellationToken.None);
        await _host.Services.MigrateCallCenterDatabaseAsync(); // what the next start does

        await using var db = await _host.Services.GetRequiredService<CallCenterDbContextFactory>().CreateDbContextAsync();
        var calls = await db.Calls.AsNoTracking().ToDictionaryAsync(c => c.Id);
        Assert.Equal(("normal", false), (calls[finished].EndCause, calls[finished].IsAbnormal));
        Assert.Equal((CallRecordRecovery.EndCause, true), (calls[open].EndCause, calls[open].IsAbnormal));
        Assert.NotNull(calls[open].EndedAt);
    }
}
