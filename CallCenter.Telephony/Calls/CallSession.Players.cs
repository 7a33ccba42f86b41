using CallCenter.Telephony.Audio;

namespace CallCenter.Telephony.Calls;

public sealed partial class CallSession
{
    private readonly Dictionary<CallLeg, MediaPlayer> _players = [];

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
    }
}
