using System.Collections.Concurrent;

using CallCenter.Telephony.Sip.Dialogs;
using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Calls;

/// <summary>The calls in progress, by call id and by the dialogs of their legs.</summary>
public sealed class CallRegistry
{
    private readonly ConcurrentDictionary<string, CallSession> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SipDialogId, CallLeg> _legs = new();

    /// <summary>Calls in progress.</summary>
    public int Count => _calls.Count;

    /// <summary>The calls in progress.</summary>
    public IReadOnlyCollection<CallSession> Calls => [.. _calls.Values];

    /// <summary>Adds a call; false when its id is taken.</summary>
    public bool TryAdd(CallSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _calls.TryAdd(session.Id, session);
    }

    /// <summary>Makes requests in <paramref name="leg"/>'s dialog find it.</summary>
    public void AddDialog(CallLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        if (leg.Dialog is { } dialog)
        {
            _legs[dialog.Id] = leg;
        }
    }

    /// <summary>Stops requests in <paramref name="leg"/>'s dialog finding it (a leg that left a call still going on).</summary>
    public void RemoveDialog(CallLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        if (leg.Dialog is { } dialog)
        {
            _legs.TryRemove(KeyValuePair.Create(dialog.Id, leg));
        }
    }

    /// <summary>The calls in progress with this event-stream id, or null.</summary>
    public CallSession? Find(Guid callId) => _calls.Values.FirstOrDefault(c => c.CallId == callId);

    /// <summary>The leg a request from a peer belongs to (RFC 3261 §12.2.2: local tag = To tag, remote tag = From tag).</summary>
    public CallLeg? FindLeg(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CallId is not { } callId || request.To?.Tag is not { } toTag)
        {
            return null;
        }
        return _legs.TryGetValue(new SipDialogId(callId, toTag, request.From?.Tag ?? ""), out var leg) ? leg : null;
    }

    /// <summary>Removes a call and its dialogs.</summary>
    public void Remove(CallSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var leg in session.Legs)
        {
            RemoveDialog(leg);
        }
        _calls.TryRemove(KeyValuePair.Create(session.Id, session));
    }
}
