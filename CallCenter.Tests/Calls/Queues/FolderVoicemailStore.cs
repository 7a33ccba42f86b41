using System.Collections.Concurrent;

using CallCenter.Telephony.Voicemail;

namespace CallCenter.Tests.Calls.Queues;

/// <summary>Voicemail boxes in a temporary folder (Core's store keeps them in the database): every box exists.</summary>
internal sealed class FolderVoicemailStore : IVoicemailStore, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-vm-").FullName;
    private readonly ConcurrentDictionary<Guid, (VoicemailBox Box, string Caller, TimeSpan Length, bool Heard)> _messages = new();

    public IReadOnlyDictionary<Guid, (VoicemailBox Box, string Caller, TimeSpan Length, bool Heard)> Messages => _messages;

    public ValueTask<VoicemailTicket?> CreateAsync(VoicemailBox box, Guid callId, string callerNumber, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        _messages[id] = (box, callerNumber, TimeSpan.Zero, false);
        return ValueTask.FromResult<VoicemailTicket?>(new VoicemailTicket(id, Path.Combine(_folder, id + ".wav")));
    }

    public ValueTask CompleteAsync(VoicemailTicket ticket, TimeSpan duration, CancellationToken cancellationToken)
    {
        _messages[ticket.MessageId] = _messages[ticket.MessageId] with { Length = duration };
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<VoicemailMessage>> ListAsync(string extension, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<VoicemailMessage>>(
            [.. _messages.Where(m => !m.Value.Box.IsQueue && m.Value.Box.Key == extension)
                .Select(m => new VoicemailMessage(m.Key, m.Value.Caller, DateTimeOffset.UtcNow, FileOf(m.Key), !m.Value.Heard))]);

    public ValueTask MarkHeardAsync(Guid messageId, CancellationToken cancellationToken)
    {
        _messages[messageId] = _messages[messageId] with { Heard = true };
        return ValueTask.CompletedTask;
    }

    public string FileOf(Guid messageId) => Path.Combine(_folder, messageId + ".wav");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
