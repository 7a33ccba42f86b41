using System.Buffers.Binary;

using CallCenter.Core.Domain;
using CallCenter.Core.Options;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Voicemail;
using CallCenter.Tests.Core.Demo;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Core.Telephony;

public sealed class VoicemailStoreTests : IDisposable
{
    // 20:00 UTC is already the next day at UTC+8: the file goes under the local day.
    private static readonly DateTimeOffset Now = new(2026, 3, 17, 20, 0, 0, TimeSpan.Zero);

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "callcenter-tests", Guid.NewGuid().ToString("N"));
    private readonly TempFileDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly IOptions<CallCenterOptions> _options;
    private readonly Guid _queueId;
    private readonly Guid _agentId;

    public VoicemailStoreTests()
    {
        _time.SetLocalTimeZone(DemoTestHost.Zone);
        _options = Options.Create(new CallCenterOptions { DataDir = _dataDir });
        using var db = _database.CreateDbContext();
        var queue = new CallQueue { Name = "sales", DisplayName = "销售热线" };
        var agent = new Agent { Extension = "1001", WorkNumber = "1001", Name = "李静", SipRealm = "test" };
        var gone = new Agent { Extension = "1099", WorkNumber = "1099", Name = "离职", SipRealm = "test", IsActive = false };
        db.AddRange(queue, agent, gone);
        db.SaveChanges();
        (_queueId, _agentId) = (queue.Id, agent.Id);
    }

    public void Dispose()
    {
        _database.Dispose();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task AMessageGetsItsRowAtOnceAndAFileUnderTheLocalDay()
    {
        var store = NewStore();
        var callId = Guid.CreateVersion7();

        var queueTicket = await store.CreateAsync(new VoicemailBox(true, "sales"), callId, "13800138000", CancellationToken.None);
        var extensionTicket = await store.CreateAsync(new VoicemailBox(false, "1001"), callId, "13700137000", CancellationToken.None);

        Assert.NotNull(queueTicket);
        Assert.NotNull(extensionTicket);
        var expectedDirectory = Path.Combine(Path.GetFullPath(_dataDir), "voicemail", "2026", "03", "18");
        Assert.Equal(Path.Combine(expectedDirectory, $"{queueTicket.MessageId}.wav"), queueTicket.FilePath);
        Assert.True(Directory.Exists(expectedDirectory));
        using var db = _database.CreateDbContext();
        var rows = await db.Voicemails.AsNoTracking().ToDictionaryAsync(v => v.Id);
        var queued = rows[queueTicket.MessageId];
        Assert.Equal((VoicemailBoxType.Queue, (Guid?)_queueId, (Guid?)null, (Guid?)callId, "13800138000", 0d, Now, (DateTimeOffset?)null),
            (queued.BoxType, queued.QueueId, queued.AgentId, queued.CallId, queued.CallerNumber, queued.DurationSeconds, queued.ReceivedAt, queued.HeardAt));
        Assert.Equal($"voicemail/2026/03/18/{queueTicket.MessageId}.wav", queued.FilePath);
        var personal = rows[extensionTicket.MessageId];
        Assert.Equal((VoicemailBoxType.Extension, (Guid?)null, (Guid?)_agentId), (personal.BoxType, personal.QueueId, personal.AgentId));
    }

    [Theory]
    [InlineData(true, "nowhere")]
    [InlineData(false, "1999")]
    [InlineData(false, "1099")] // an inactive agent's box
    public async Task AnUnknownBoxTakesNoMessage(bool isQueue, string key)
    {
        var ticket = await NewStore().CreateAsync(new VoicemailBox(isQueue, key), Guid.CreateVersion7(), "13800138000", CancellationToken.None);

        Assert.Null(ticket);
        using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Voicemails.CountAsync());
    }

    [Fact]
    public async Task CompletedMessagesAreListedNewFirstThenHeardNewestFirst()
    {
        var store = NewStore();
        var first = await LeaveAsync(store, "13800000001", TimeSpan.FromSeconds(12));
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await LeaveAsync(store, "13800000002", TimeSpan.FromSeconds(3.5));
        _time.Advance(TimeSpan.FromMinutes(1));
        var third = await LeaveAsync(store, "13800000003", TimeSpan.FromSeconds(7));
        _time.Advance(TimeSpan.FromMinutes(1));
        var recording = await store.CreateAsync(new VoicemailBox(false, "1001"), Guid.CreateVersion7(), "13800000004", CancellationToken.None);
        await LeaveQueueMessageAsync(store);

        await store.MarkHeardAsync(third.MessageId, CancellationToken.None);
        await store.MarkHeardAsync(first.MessageId, CancellationToken.None);
        var list = await store.ListAsync("1001", CancellationToken.None);

        Assert.Equal([second.MessageId, third.MessageId, first.MessageId], list.Select(m => m.MessageId));
        Assert.Equal([true, false, false], list.Select(m => m.IsNew));
        Assert.Equal(("13800000002", Now.AddMinutes(1), second.FilePath), (list[0].CallerNumber, list[0].ReceivedAt, list[0].FilePath));
        Assert.NotNull(recording);
        Assert.DoesNotContain(list, m => m.MessageId == recording.MessageId);
        Assert.Empty(await store.ListAsync("1002", CancellationToken.None));
        using var db = _database.CreateDbContext();
        Assert.Equal(3.5, (await db.Voicemails.SingleAsync(v => v.Id == second.MessageId)).DurationSeconds);
        Assert.Equal(Now.AddMinutes(3), (await db.Voicemails.SingleAsync(v => v.Id == third.MessageId)).HeardAt);
    }

    [Fact]
    public async Task HearingAMessageAgainKeepsTheFirstTime()
    {
        var store = NewStore();
        var message = await LeaveAsync(store, "13800000001", TimeSpan.FromSeconds(5));
        await store.MarkHeardAsync(message.MessageId, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));

        await store.MarkHeardAsync(message.MessageId, CancellationToken.None);

        using var db = _database.CreateDbContext();
        Assert.Equal(Now, (await db.Voicemails.SingleAsync()).HeardAt);
    }

    [Fact]
    public async Task AnEmptyMessageIsRemovedWithItsFile()
    {
        var store = NewStore();
        var ticket = await store.CreateAsync(new VoicemailBox(true, "sales"), Guid.CreateVersion7(), "13800138000", CancellationToken.None);
        Assert.NotNull(ticket);
        await File.WriteAllBytesAsync(ticket.FilePath, Wav(0, 0));

        await store.CompleteAsync(ticket, TimeSpan.Zero, CancellationToken.None);

        Assert.False(File.Exists(ticket.FilePath));
        using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Voicemails.CountAsync());
    }

    [Fact]
    public async Task RecoveryMeasuresMessagesLeftOpenFromTheirFilesAndRemovesEmptyOnes()
    {
        var store = NewStore();
        var torn = await OpenAsync(store);
        var complete = await OpenAsync(store);
        var empty = await OpenAsync(store);
        var missing = await OpenAsync(store);
        var finished = await LeaveAsync(store, "13800000009", TimeSpan.FromSeconds(9));
        // Crashed while recording: the header still says 0 data bytes, 1.5 s of audio reached the disk.
        await File.WriteAllBytesAsync(torn.FilePath, Wav(0, 24_000));
        // Crashed after the header was rewritten, before the duration was stored.
        await File.WriteAllBytesAsync(complete.FilePath, Wav(40_000, 40_000));
        await File.WriteAllBytesAsync(empty.FilePath, Wav(0, 0));

        var recovered = await new VoicemailRecovery(_database, _options, NullLogger<VoicemailRecovery>.Instance).RecoverAsync(CancellationToken.None);

        Assert.Equal(4, recovered);
        using var db = _database.CreateDbContext();
        var rows = await db.Voicemails.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.DurationSeconds);
        Assert.Equal(1.5, rows[torn.MessageId]);
        Assert.Equal(2.5, rows[complete.MessageId]);
        Assert.Equal(9, rows[finished.MessageId]);
        Assert.False(rows.ContainsKey(empty.MessageId));
        Assert.False(rows.ContainsKey(missing.MessageId));
        Assert.False(File.Exists(empty.FilePath));
        // The torn file's header now tells players how much audio there is.
        var header = await File.ReadAllBytesAsync(torn.FilePath);
        Assert.Equal(24_000u, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(40)));
        Assert.Equal(24_036u, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)));
        Assert.Equal(0, await new VoicemailRecovery(_database, _options, NullLogger<VoicemailRecovery>.Instance).RecoverAsync(CancellationToken.None));
    }

    private VoicemailStore NewStore() => new(_database, _options, _time, NullLogger<VoicemailStore>.Instance);

    private static async Task<VoicemailTicket> OpenAsync(VoicemailStore store) =>
        await store.CreateAsync(new VoicemailBox(false, "1001"), Guid.CreateVersion7(), "13800138000", CancellationToken.None)
        ?? throw new InvalidOperationException("no box");

    private static async Task<VoicemailTicket> LeaveAsync(VoicemailStore store, string caller, TimeSpan duration)
    {
        var ticket = await store.CreateAsync(new VoicemailBox(false, "1001"), Guid.CreateVersion7(), caller, CancellationToken.None)
            ?? throw new InvalidOperationException("no box");
        await File.WriteAllBytesAsync(ticket.FilePath, Wav((uint)(duration.TotalSeconds * 16_000), (int)(duration.TotalSeconds * 16_000)));
        await store.CompleteAsync(ticket, duration, CancellationToken.None);
        return ticket;
    }

    private static async Task LeaveQueueMessageAsync(VoicemailStore store)
    {
        var ticket = await store.CreateAsync(new VoicemailBox(true, "sales"), Guid.CreateVersion7(), "13800000005", CancellationToken.None);
        await store.CompleteAsync(ticket!, TimeSpan.FromSeconds(4), CancellationToken.None);
    }

    /// <summary>An 8 kHz 16-bit mono PCM WAV whose header claims <paramref name="declared"/> data bytes and that holds <paramref name="actual"/>.</summary>
    private static byte[] Wav(uint declared, int actual)
    {
        var file = new byte[44 + actual];
        var span = file.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], declared == 0 ? 0 : declared + 36);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], 8000);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], 16_000);
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], declared);
        for (var i = 44; i < file.Length; i++)
        {
            file[i] = (byte)(i * 7);
        }
        return file;
    }
}
