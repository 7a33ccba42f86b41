using System.Collections.Concurrent;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Dialogs;

/// <summary>
/// The dialogs of this UA by (Call-ID, local tag, remote tag) (RFC 3261 §12). Requests find theirs by
/// (Call-ID, To tag, From tag), responses to our requests by (Call-ID, From tag, To tag) (§12.2.2).
/// </summary>
public sealed class SipDialogStore
{
    private readonly ConcurrentDictionary<SipDialogId, SipDialog> _dialogs = new();

    /// <summary>Dialogs held.</summary>
    public int Count => _dialogs.Count;

    /// <summary>Adds a dialog; false when one with the same id exists.</summary>
    public bool TryAdd(SipDialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        return _dialogs.TryAdd(dialog.Id, dialog);
    }

    /// <summary>The dialog with this id, or null.</summary>
    public SipDialog? Find(SipDialogId id) => _dialogs.TryGetValue(id, out var dialog) ? dialog : null;

    /// <summary>The dialog a request from the peer belongs to: local tag = To tag, remote tag = From tag (RFC 3261 §12.2.2).</summary>
    public SipDialog? FindForRequest(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CallId is not { } callId || request.To?.Tag is not { } toTag)
        {
            return null;
        }
        return Find(new SipDialogId(callId, toTag, request.From?.Tag ?? ""));
    }

    /// <summary>The dialog a response to our request belongs to: local tag = From tag, remote tag = To tag.</summary>
    public SipDialog? FindForResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.CallId is not { } callId || response.To?.Tag is not { } toTag)
        {
            return null;
        }
        return Find(new SipDialogId(callId, response.From?.Tag ?? "", toTag));
    }

    /// <summary>Removes a dialog (when it terminates).</summary>
    public bool Remove(SipDialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        return _dialogs.TryRemove(KeyValuePair.Create(dialog.Id, dialog));
    }
}
