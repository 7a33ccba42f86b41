using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Telephony.Media.Mixing;

/// <summary>
/// Mixes the legs of a three-way call (三方通话) and of supervisor monitoring (监听, 耳语, 强插): each
/// participant hears the sum of everyone it may hear, never itself (a mix-minus), in its own codec and as
/// the continuation of its leg's one outbound stream. Received audio waits in a small per-participant ring;
/// on each 20 ms tick of the process <see cref="MediaClock"/> one frame per participant is taken (silence
/// when it sent nothing, so a held or one-way phone never stalls the others), mixed and sent. Participants
/// are added, removed and given another role at any time from any thread. No allocation per packet or per
/// tick: every buffer is made when a participant is added.
/// </summary>
public sealed class ConferenceMixer : IMediaClockListener, IDisposable
{
    /// <summary>The default bound on participants (three parties and two supervisors, with room to spare).</summary>
    public const int DefaultMaxParticipants = 8;

    private readonly Lock _gate = new();
    private readonly int[] _speakers = new int[FrameJitterBuffer.FrameSamples];
    private readonly int[] _mix = new int[FrameJitterBuffer.FrameSamples];
    private readonly IDisposable _clockSubscription;
    private MixerParticipant[] _participants = [];
    private IMediaTap? _tap;
    private MixerParticipant? _tapped;
    private bool _disposed;

    /// <summary>Creates a mixer ticking on <paramref name="clock"/> (the process's one media clock).</summary>
    /// <param name="clock">The media clock.</param>
    /// <param name="maxParticipants">The most participants at once; <see cref="Add"/> refuses more.</param>
    public ConferenceMixer(MediaClock clock, int maxParticipants = DefaultMaxParticipants)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParticipants, 2);
        MaxParticipants = maxParticipants;
        _clockSubscription = clock.Subscribe(this);
    }

    /// <summary>The most participants at once.</summary>
    public int MaxParticipants { get; }

    /// <summary>The participants now, in the order they were added.</summary>
    public IReadOnlyList<MixerParticipant> Participants => Array.AsReadOnly(Volatile.Read(ref _participants));

    /// <summary>
    /// A key press of a participant (RFC 4733), once per press; raised on that participant's receive loop,
    /// so handlers must not block. The digits are not mixed into what the others hear.
    /// </summary>
    public event EventHandler<MixerDtmfEventArgs>? DtmfReceived;

    /// <summary>
    /// Adds a call leg: its endpoint is attached to the mixer (replacing whatever sink it had, so detach it
    /// from a bridge first) and hears the mix from the next tick on.
    /// </summary>
    /// <param name="endpoint">The leg's endpoint; the mixer never disposes it.</param>
    /// <param name="codec">The codec negotiated with the leg (what it is sent in).</param>
    /// <param name="telephoneEventPayloadType">The telephone-event payload type negotiated with the leg, or -1 for none.</param>
    /// <param name="role">What it hears and who hears it.</param>
    /// <param name="whisperTarget">For a <see cref="MixerRole.Whisperer"/>, the one participant that hears it (the agent); null otherwise.</param>
    /// <returns>The participant's handle.</returns>
    /// <exception cref="InvalidOperationException">The mixer is full, or the endpoint is in it already.</exception>
    /// <exception cref="ArgumentException">The whisper target does not fit the role or is not in this mixer.</exception>
    public MixerParticipant Add(RtpEndpoint endpoint, AudioCodec codec, int telephoneEventPayloadType, MixerRole role = MixerRole.Speaker, MixerParticipant? whisperTarget = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_participants.Length >= MaxParticipants)
            {
                throw new InvalidOperationException($"The mixer is full ({MaxParticipants} participants).");
            }
            if (Array.Exists(_participants, p => ReferenceEquals(p.Endpoint, endpoint)))
            {
                throw new InvalidOperationException("The endpoint is in the mixer already.");
            }
            ValidateRole(null, role, whisperTarget);
            var participant = new MixerParticipant(this, endpoint, codec, telephoneEventPayloadType, role, whisperTarget);
            // Attached first: a disposed endpoint throws here and leaves the mixer as it was.
            endpoint.Attach(participant.Input);
            _participants = [.. _participants, participant];
            return participant;
        }
    }

    /// <summary>
    /// Takes a participant out: its endpoint is detached (not disposed: the call may put it back in a bridge)
    /// and gets nothing more from the mixer once this returns. A whisperer whispering to it is heard by nobody.
    /// </summary>
    /// <returns>False when it was not in the mixer (removed before, or another mixer's).</returns>
    public bool Remove(MixerParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        lock (_gate)
        {
            // Under the lock a tick also holds: no tick is sending to it now, and none will.
            int index = Array.IndexOf(_participants, participant);
            if (index < 0)
            {
                return false;
            }
            _participants = [.. _participants.AsSpan(0, index), .. _participants.AsSpan(index + 1)];
            participant.Endpoint.Attach(null);
            return true;
        }
    }

    /// <summary>
    /// Gives a participant another role without re-adding it, e.g. whisper → barge (<see cref="MixerRole.Speaker"/>)
    /// or listen → whisper; it applies from the next tick, the participant's streams going on unbroken.
    /// </summary>
    /// <exception cref="ArgumentException">The participant or the whisper target is not in this mixer, or the target does not fit the role.</exception>
    public void SetRole(MixerParticipant participant, MixerRole role, MixerParticipant? whisperTarget = null)
    {
        ArgumentNullException.ThrowIfNull(participant);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Array.IndexOf(_participants, participant) < 0)
            {
                throw new ArgumentException("The participant is not in this mixer.", nameof(participant));
            }
            ValidateRole(participant, role, whisperTarget);
            participant.SetRole(role, whisperTarget);
        }
    }

    /// <summary>Stops mixing and detaches every endpoint (none is disposed).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _clockSubscription.Dispose();
            foreach (MixerParticipant participant in _participants)
            {
                participant.Endpoint.Attach(null);
            }
            _participants = [];
        }
    }

    /// <summary>
    /// Lets a tap (the call's recorder) hear one participant's side of the mixed call: what
    /// <paramref name="participant"/> sends as <see cref="MediaLeg.A"/>, and what it hears (the mix of the others)
    /// as <see cref="MediaLeg.B"/>. Null stops it.
    /// </summary>
    public void SetTap(IMediaTap? tap, MixerParticipant? participant)
    {
        lock (_gate)
        {
            _tap = tap;
            _tapped = tap is null ? null : participant;
        }
    }

    /// <summary>The tap, when <paramref name="participant"/> is the tapped one (read on its receive loop).</summary>
    internal IMediaTap? TapOf(MixerParticipant participant) => ReferenceEquals(Volatile.Read(ref _tapped), participant) ? Volatile.Read(ref _tap) : null;

    /// <summary>Mixes and sends one 20 ms frame to every participant (called by the media clock).</summary>
    public void OnTick(long tick)
    {
        lock (_gate)
        {
            MixerParticipant[] all = _participants;
            if (_disposed || all.Length == 0)
            {
                return;
            }
            // Everyone's frame once, and the sum of the speakers once: each mix is then that sum minus the
            // participant's own voice plus whoever whispers to it, O(n) frames rather than O(n²).
            Array.Clear(_speakers);
            foreach (MixerParticipant p in all)
            {
                p.HasAudio = p.Input.Buffer.Read(p.Frame);
                if (p.HasAudio && p.Role == MixerRole.Speaker)
                {
                    Accumulate(_speakers, p.Frame, 1);
                }
            }
            foreach (MixerParticipant p in all)
            {
                _speakers.CopyTo(_mix, 0);
                if (p.HasAudio && p.Role == MixerRole.Speaker)
                {
                    Accumulate(_mix, p.Frame, -1);
                }
                foreach (MixerParticipant q in all)
                {
                    if (q.HasAudio && q.Role == MixerRole.Whisperer && ReferenceEquals(q.WhisperTarget, p) && !ReferenceEquals(q, p))
                    {
                        Accumulate(_mix, q.Frame, 1);
                    }
                }
                var sent = p.Output.Send(p.Endpoint, _mix);
                if (_tap is { } tap && ReferenceEquals(p, _tapped) && RtpPacket.TryParse(sent, out RtpPacket heard))
                {
                    tap.OnAudio(MediaLeg.B, heard);
                }
            }
        }
    }

    internal void OnDtmf(MixerParticipant participant, char digit, int durationSamples) =>
        DtmfReceived?.Invoke(this, new MixerDtmfEventArgs(participant, digit, durationSamples));

    private static void Accumulate(int[] sum, short[] frame, int sign)
    {
        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] += sign * frame[i];
        }
    }

    private void ValidateRole(MixerParticipant? participant, MixerRole role, MixerParticipant? whisperTarget)
    {
        if (role != MixerRole.Whisperer)
        {
            if (whisperTarget is not null)
            {
                throw new ArgumentException("Only a whisperer has a whisper target.", nameof(whisperTarget));
            }
            return;
        }
        if (whisperTarget is null || ReferenceEquals(whisperTarget, participant) || Array.IndexOf(_participants, whisperTarget) < 0)
        {
            throw new ArgumentException("A whisperer needs another participant of this mixer to whisper to.", nameof(whisperTarget));
        }
    }
}
