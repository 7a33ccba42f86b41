using CallCenter.Telephony.Media.Mixing;

namespace CallCenter.Telephony.Calls;

public sealed partial class CallSession
{
    private readonly Dictionary<CallLeg, MixerParticipant> _participants = [];
    private ConferenceMixer? _mixer;

    /// <summary>True while the call's media goes through a mixer (three-way call or monitoring) instead of a bridge.</summary>
    public bool IsMixed
    {
        get
        {
            lock (_mediaGate)
            {
                return _mixer is not null;
            }
        }
    }

    /// <summary>The legs in the mixer with their roles.</summary>
    public IReadOnlyList<(CallLeg Leg, MixerRole Role)> MixedLegs
    {
        get
        {
            lock (_mediaGate)
            {
                return [.. _participants.Select(p => (p.Key, p.Value.Role))];
            }
        }
    }

    /// <summary>
    /// Puts legs into the call's mixer (made on first use with <paramref name="createMixer"/>; a bridge running
    /// before is stopped first, since a leg's endpoint feeds one sink). A leg already in the mixer gets the role.
    /// </summary>
    public bool Mix(Func<ConferenceMixer> createMixer, IEnumerable<(CallLeg Leg, MixerRole Role, CallLeg? WhisperTo)> legs)
    {
        ArgumentNullException.ThrowIfNull(createMixer);
        ArgumentNullException.ThrowIfNull(legs);
        lock (_mediaGate)
        {
            if (_mediaDisposed)
            {
                return false;
            }
            if (_mixer is null)
            {
                _bridge?.Dispose();
                _bridge = null;
                _mixer = createMixer();
            }
            foreach (var (leg, role, whisperTo) in legs)
            {
                var target = whisperTo is not null && _participants.TryGetValue(whisperTo, out var t) ? t : null;
                if (_participants.TryGetValue(leg, out var existing))
                {
                    _mixer.SetRole(existing, role, target);
                }
                else if (leg.Media is { Audio: { } audio } media)
                {
                    _participants[leg] = _mixer.Add(media.Endpoint, audio.Codec, audio.TelephoneEventPayloadType ?? -1, role, target);
                }
            }
            TapMixer();
            return true;
        }
    }

    /// <summary>Takes a leg out of the mixer (its endpoint detached, not disposed).</summary>
    public void Unmix(CallLeg leg)
    {
        lock (_mediaGate)
        {
            if (_mixer is not null && _participants.Remove(leg, out var participant))
            {
                _mixer.Remove(participant);
            }
        }
    }

    // The recorder hears the customer's side of the mixed call: what the customer says, and what it hears.
    private void TapMixer()
    {
        if (_mixer is not null && _recorder is not null && _participants.TryGetValue(CustomerLeg, out var customer))
        {
            _mixer.SetTap(_recorder, customer);
        }
    }

    // With the bridge: a new bridge or none replaces the mixer too.
    private void DisposeMixer()
    {
        _mixer?.Dispose();
        _mixer = null;
        _participants.Clear();
    }
}
