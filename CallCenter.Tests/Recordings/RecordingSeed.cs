using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Recordings;
using CallCenter.Telephony.Recording;
using CallCenter.Tests.Support;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Recordings;

/// <summary>Puts recordings (a real Ogg Opus file and its row) into the shared web app.</summary>
internal static class RecordingSeed
{
    /// <summary>The recording the authorization matrix asks for: nobody's call.</summary>
    public static readonly Guid MatrixRecordingId = new("0193a000-0000-7000-8000-00000000c0de");

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Adds a recording of one second (unless <paramref name="id"/> exists); returns its id and file.</summary>
    public static async Task<(Guid Id, string Path)> AddAsync(CallCenterWebFactory app, Guid? agentId, Guid? id = null)
    {
        var recordingId = id ?? Guid.CreateVersion7();
        var relative = RecordingPaths.Relative(recordingId, new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        var path = RecordingPaths.Absolute(app.DataDir, relative)!;
        await Gate.WaitAsync();
        try
        {
            var contexts = app.Services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>();
            await using var db = await contexts.CreateDbContextAsync();
            if (await db.Recordings.AnyAsync(r => r.Id == recordingId))
            {
                return (recordingId, path);
            }
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            await using (var file = File.Create(path))
            {
                var writer = new OggOpusWriter(file);
                var frame = new short[OggOpusWriter.FrameSamples * 2];
                for (var i = 0; i < 50; i++)
                {
                    writer.WriteFrame(frame);
                }
                writer.Complete();
            }
            db.Recordings.Add(new Recording
            {
                Id = recordingId,
                FilePath = relative,
                Format = RecordingPaths.OggOpus,
                AgentId = agentId,
                CallerNumber = "13700000000",
                CalleeNumber = "4001",
                StartedAt = DateTimeOffset.UtcNow,
                DurationSeconds = 1,
                SizeBytes = new FileInfo(path).Length,
            });
            await db.SaveChangesAsync();
            return (recordingId, path);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The agent of the test user "t-agent" (created once).</summary>
    public static async Task<Guid> TestAgentAsync(CallCenterWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(CallCenterWebFactory.UserNameFor(Roles.Agent)) ?? throw new InvalidOperationException("no t-agent");
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CallCenterDbContext>>();
        await Gate.WaitAsync();
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            var agent = await db.Agents.FirstOrDefaultAsync(a => a.UserId == user.Id);
            if (agent is null)
            {
                agent = new Agent { UserId = user.Id, WorkNumber = "W9701", Name = "t-agent", Extension = "9701", SipRealm = "callcenter" };
                db.Agents.Add(agent);
                await db.SaveChangesAsync();
            }
            return agent.Id;
        }
        finally
        {
            Gate.Release();
        }
    }
}
