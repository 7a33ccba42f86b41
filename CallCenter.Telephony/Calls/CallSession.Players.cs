using CallCenter.Telephony.Audio;

namespace CallCenter.Telephony.Calls;

public sealed partial class CallSession
{
    private readonly Dictionary<CallLeg, MediaPlayer> _players = [];

    // Who waits for a single play on each leg (PlayOnceAsync): released when the leg's player stops.
    private readonly Dictionary<CallLeg, TaskCompletionSource> _stopped = [];

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
            ReleaseWaiting(leg);
            player.Play(source, loop);
            return true;
        }
    }

    /// <summary>
    /// Plays <paramref name="source"/> once to <paramref name="leg"/>; completes when it has played to its end, or
    /// (without throwing) when something else replaced it, the leg stopped playing or the call ended.
    /// </summary>
    public Task PlayOnceAsync(CallLeg leg, Func<MediaPlayer> create, IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(create);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_mediaGate)
        {
            if (_mediaDisposed)
            {
                return Task.CompletedTask;
            }
            if (!_players.TryGetValue(leg, out var player))
            {
                player = create();
                _players[leg] = player;
            }
            EventHandler<PlaybackCompletedEventArgs>? finished = null;
            finished = (_, e) =>
            {
                if (ReferenceEquals(e.Source, source))
                {
                    player.Completed -= finished;
                    done.TrySetResult();
                }
            };
            player.Completed += finished;
            ReleaseWaiting(leg);
            player.Play(source, loop: false);
            _stopped[leg] = done;
        }
        return done.Task;
    }

    /// <summary>Whether something plays to <paramref name="leg"/>.</summary>
    public bool IsPlaying(CallLeg leg)
    {
        lock (_mediaGate)
        {
            return _players.TryGetValue(leg, out var player) && player.IsPlaying;
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
            ReleaseWaiting(leg);
        }
    }

    private void ReleaseWaiting(CallLeg leg)
    {
        if (_stopped.Remove(leg, out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    private void DisposePlayers()
    {
        foreach (var player in _players.Values)
        {
            player.Dispose();
        }
        _players.Clear();
        foreach (var waiting in _stopped.Values)
        {
            waiting.TrySetResult();
        }
        _stopped.Clear();
    }
}
