namespace CallCenter.Telephony.Acd;

/// <summary>One queue's waiting calls and memory; read and written under the ACD's lock.</summary>
internal sealed class QueueState(AcdQueueConfig config)
{
    public string Name => Config.Name;

    /// <summary>The configuration as last read from the directory (at each enqueue).</summary>
    public AcdQueueConfig Config { get; set; } = config;

    /// <summary>Calls in the queue (waiting, or being offered), priority descending then arrival.</summary>
    public List<QueueEntry> Entries { get; } = [];

    /// <summary>For round-robin: the member offered last.</summary>
    public string? LastOffered { get; set; }

    /// <summary>Handle times (answer to end of wrap-up) of the most recent answered calls, oldest first.</summary>
    public Queue<TimeSpan> HandleTimes { get; } = new();

    public void Insert(QueueEntry entry)
    {
        var index = Entries.FindIndex(e => Comes(entry, e));
        Entries.Insert(index < 0 ? Entries.Count : index, entry);
    }

    public void AddHandleTime(TimeSpan handleTime, int samples)
    {
        HandleTimes.Enqueue(handleTime);
        while (HandleTimes.Count > samples)
        {
            HandleTimes.Dequeue();
        }
    }

    /// <summary>True when <paramref name="a"/> waits ahead of <paramref name="b"/>.</summary>
    public static bool Comes(QueueEntry a, QueueEntry b) =>
        a.Call.Priority > b.Call.Priority || (a.Call.Priority == b.Call.Priority && a.Sequence < b.Sequence);
}
