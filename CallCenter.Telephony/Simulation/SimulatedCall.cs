using System.Diagnostics;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Simulation;

/// <summary>
/// One call of a simulated phone or customer, incoming or outgoing: its SIP identity, the Stopwatch timestamps of
/// its steps (<see cref="Stopwatch.GetTimestamp"/>), how it ended, and its media stream. Acted on with
/// <see cref="HangUpAsync"/> and <see cref="SendDigitsAsync"/>.
/// </summary>
public sealed class SimulatedCall
{
    private readonly TaskCompletionSource<int> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _provisional = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _acked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SimulatedUserAgent _agent;
    private int _state;
    private int _endReason;

    internal SimulatedCall(SimulatedUserAgent agent, bool incoming, string callId, string localNumber, string remoteNumber, SimulatedMediaStream media)
    {
        _agent = agent;
        IsIncoming = incoming;
        CallId = callId;
        LocalNumber = localNumber;
        RemoteNumber = remoteNumber;
        Media = media;
        InviteTimestamp = Stopwatch.GetTimestamp();
        State = incoming ? SimulatedCallState.Ringing : SimulatedCallState.Calling;
    }

    /// <summary>True for a call the server offered to this phone.</summary>
    public bool IsIncoming { get; }

    /// <summary>The SIP Call-ID of this phone's dialog.</summary>
    public string CallId { get; }

    /// <summary>This phone's number: the extension (or customer number).</summary>
    public string LocalNumber { get; }

    /// <summary>Incoming: the user part of the INVITE's From (the caller); outgoing: the number dialled.</summary>
    public string RemoteNumber { get; }

    /// <summary>When the INVITE arrived (incoming) or was first sent (outgoing).</summary>
    public long InviteTimestamp { get; }

    /// <summary>When the first provisional response came (outgoing) or our 180 went (incoming); null before.</summary>
    public long? RingingTimestamp { get; private set; }

    /// <summary>When the 2xx was received (outgoing) or sent (incoming); null when never answered.</summary>
    public long? AnsweredTimestamp { get; private set; }

    /// <summary>When the call ended; null while it lasts.</summary>
    public long? EndedTimestamp { get; private set; }

    /// <summary>Where the call stands.</summary>
    public SimulatedCallState State
    {
        get => (SimulatedCallState)Volatile.Read(ref _state);
        private set => Volatile.Write(ref _state, (int)value);
    }

    /// <summary>How it ended (<see cref="SimulatedCallEndReason.None"/> while it lasts).</summary>
    public SimulatedCallEndReason EndReason => (SimulatedCallEndReason)Volatile.Read(ref _endReason);

    /// <summary>The final response status to the INVITE (received when outgoing, sent when incoming); null before.</summary>
    public int? FinalStatus { get; private set; }

    /// <summary>The call's RTP stream (its own socket on the shared media clock).</summary>
    public SimulatedMediaStream Media { get; }

    /// <summary>Completes with the final status of the INVITE.</summary>
    public Task<int> FinalResponse => _final.Task;

    /// <summary>Completes when the call is over.</summary>
    public Task Ended => _ended.Task;

    internal Task Provisional => _provisional.Task;

    internal Task Acked => _acked.Task;

    internal SimulatedDialog? Dialog { get; set; }

    internal SipRequest? Invite { get; set; }

    internal uint InviteCSeq { get; set; }

    internal ulong SessionId { get; } = (ulong)Random.Shared.NextInt64(1, long.MaxValue);

    internal ulong SessionVersion { get; set; } = 1;

    internal CancellationTokenSource Ringing { get; } = new();

    internal Lock Gate { get; } = new();

    private volatile bool _cancelRequested;

    internal bool CancelRequested
    {
        get => _cancelRequested;
        set => _cancelRequested = value;
    }

    /// <summary>Hangs up: CANCEL before an answer (outgoing), 486 while ringing (incoming), BYE once answered;
    /// completes when the call is over.</summary>
    public Task HangUpAsync(CancellationToken cancellationToken = default) => _agent.HangUpAsync(this, cancellationToken);

    /// <summary>Sends DTMF as RFC 4733 telephone-events on the call's media (see <see cref="SimulatedMediaStream.SendDigitsAsync"/>).</summary>
    public Task SendDigitsAsync(string digits) => Media.SendDigitsAsync(digits);

    /// <summary>How long from <see cref="InviteTimestamp"/> to <paramref name="timestamp"/>.</summary>
    public TimeSpan Since(long timestamp) => Stopwatch.GetElapsedTime(InviteTimestamp, timestamp);

    internal void MarkRinging()
    {
        RingingTimestamp ??= Stopwatch.GetTimestamp();
        if (State == SimulatedCallState.Calling)
        {
            State = SimulatedCallState.Ringing;
        }
        _provisional.TrySetResult();
    }

    /// <summary>Ringing/calling → answered; false when the call ended (cancelled) first.</summary>
    internal bool TryMarkAnswered(int status)
    {
        lock (Gate)
        {
            if (State is SimulatedCallState.Ended or SimulatedCallState.Answered)
            {
                return false;
            }
            AnsweredTimestamp = Stopwatch.GetTimestamp();
            State = SimulatedCallState.Answered;
        }
        FinalStatus = status;
        _final.TrySetResult(status);
        _provisional.TrySetResult();
        return true;
    }

    internal void MarkAcked() => _acked.TrySetResult();

    /// <summary>Ends the call once; false when it had ended already.</summary>
    internal bool TryEnd(SimulatedCallEndReason reason, int? finalStatus = null)
    {
        lock (Gate)
        {
            if (State == SimulatedCallState.Ended)
            {
                return false;
            }
            State = SimulatedCallState.Ended;
            EndedTimestamp = Stopwatch.GetTimestamp();
            Volatile.Write(ref _endReason, (int)reason);
        }
        if (finalStatus is { } status && FinalStatus is null)
        {
            FinalStatus = status;
        }
        _final.TrySetResult(FinalStatus ?? 0);
        _provisional.TrySetResult();
        _acked.TrySetResult();
        Ringing.Cancel();
        Media.Dispose();
        _ended.TrySetResult();
        return true;
    }
}
