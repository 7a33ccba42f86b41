namespace CallCenter.Telephony.Calls;

public sealed partial class CallSession
{
    private readonly object _legsGate = new();
    private readonly List<CallLeg> _legs = [];
    private CancellationTokenSource _consultCancel = new();

    /// <summary>Serialises call-control operations on this call (one at a time, in order).</summary>
    public SemaphoreSlim ControlGate { get; } = new(1, 1);

    /// <summary>The consultation in progress (the customer held, the agent talking to a third party), or null.</summary>
    public Consultation? Consultation { get; set; }

    /// <summary>Cancels the dial of a consultation still ringing.</summary>
    public CancellationTokenSource ConsultCancel => _consultCancel;

    /// <summary>The agent's leg that put the other party on hold from call control or its phone, or null when nobody holds.</summary>
    public CallLeg? HeldBy { get; set; }

    /// <summary>A fresh token for the next consultation (the last one's may have been cancelled).</summary>
    public void ResetConsultCancel()
    {
        var old = Interlocked.Exchange(ref _consultCancel, new CancellationTokenSource());
        old.Dispose();
    }

    /// <summary>The leg whose blind transfer is being dialled (its BYE then only releases it), or null.</summary>
    public CallLeg? Transferring { get; set; }

    /// <summary>Every leg the call has had, in the order they started (the two parties, transfer targets, consulted and added parties).</summary>
    public IReadOnlyList<CallLeg> Legs
    {
        get
        {
            lock (_legsGate)
            {
                return [.. _legs];
            }
        }
    }

    /// <summary>The legs still up (started and not ended).</summary>
    public IReadOnlyList<CallLeg> ActiveLegs
    {
        get
        {
            lock (_legsGate)
            {
                return _legs.FindAll(l => !l.Ended);
            }
        }
    }

    /// <summary>Records a leg as part of the call (its LegStarted is published by the B2BUA).</summary>
    public void AddLeg(CallLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        lock (_legsGate)
        {
            if (!_legs.Contains(leg))
            {
                _legs.Add(leg);
            }
        }
    }

    /// <summary>The leg with this event-stream id, or null.</summary>
    public CallLeg? FindLeg(Guid legId)
    {
        lock (_legsGate)
        {
            return _legs.Find(l => l.LegId == legId);
        }
    }

    /// <summary>The active leg of the agent at <paramref name="extension"/>, or null when that agent is not on this call.</summary>
    public CallLeg? LegOf(string extension)
    {
        lock (_legsGate)
        {
            return _legs.Find(l => !l.Ended && l.Extension == extension);
        }
    }
}
