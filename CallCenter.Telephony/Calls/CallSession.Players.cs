using CallCenter.Telephony.Audio;

namespace CallCenter.Telephony.Calls;

public sealed partial class CallSession
{
    private readonly Dictionary<CallLeg, MediaPlayer> _players = [];
    private CancellationTokenSource _consultCancel = new();

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

    /// <summary>Plays <paramref name="source"/> to <paramref name="leg"/> on a player of its own (replacing what it played); false when the call's media is gone.</summary>
    public bool Play(CallLeg leg, Func<MediaPlayer> create, IAudioSource source, bool loop)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_mediaGate)
        {
            if (_mediaDisposed)
            {
                return false;
            }
            if (!_players.TryGetValue(leg, out var player))
            {
                player = create();
                _players[leg] = player;
            }
            player.Play(source, loop);
            return true;
        }
    }

    /// <summary>Stops what plays to <paramref name="leg"/>, if anything.</summary>
    public void StopPlaying(CallLeg leg)
    {
        lock (_mediaGate)
        {
            if (_players.Remove(leg, out var player))
            {
                player.Dispose();
            }
        }
    }

    private void DisposePlayers()
    {
        foreach (var player in _players.Values)
        {
            player.Dispose();
        }
        _players.Clear();
        _consultCancel.Dispose();
    }
}
