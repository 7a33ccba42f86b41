namespace CallCenter.Telephony.Acd;

// Calls joining and leaving queues: enqueue, abandon, callback, maximum wait.
public sealed partial class AcdService
{
    /// <summary>
    /// Puts <paramref name="call"/> in queue <paramref name="queue"/>; null when no such queue. The entry's
    /// <see cref="QueueEntry.Exit"/> is already completed (<see cref="QueueExitReason.Empty"/>) when the queue refuses
    /// callers while empty (<see cref="AcdQueueConfig.JoinWhenEmpty"/>).
    /// </summary>
    public async ValueTask<QueueEntry?> EnqueueAsync(string queue, IQueuedCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(call);
        var config = await _directory.GetQueueAsync(queue, cancellationToken).ConfigureAwait(false);
        if (config is null)
        {
            LogUnknownQueue(_logger, queue, call.CallId);
            return null;
        }
        return Mutate(effects =>
        {
            if (_queues.TryGetValue(config.Name, out var state))
            {
                state.Config = config;
            }
            else
            {
                state = new QueueState(config);
                _queues.Add(config.Name, state);
            }
            var entry = new QueueEntry(config.Name, call, Now, ++_sequence);
            if (!config.JoinWhenEmpty && IsEmpty(state))
            {
                entry.HasLeft = true;
                effects.Exits.Add((entry, new QueueExit(QueueExitReason.Empty)));
                return entry;
            }
            state.Insert(entry);
            if (config.MaxWait > TimeSpan.Zero)
            {
                entry.MaxWaitTimer = _time.CreateTimer(_ => OnMaxWait(entry), null, config.MaxWait, Timeout.InfiniteTimeSpan);
            }
            Reconcile(effects);
            return entry;
        });
    }

    /// <summary>
    /// The caller hung up (or was moved elsewhere): the entry leaves with <see cref="QueueExitReason.Abandoned"/>, a
    /// ringing offer is cancelled (its agents are free when the offer returns).
    /// </summary>
    public void Abandon(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Mutate(effects =>
        {
            if (!entry.HasLeft)
            {
                Leave(entry, new QueueExit(QueueExitReason.Abandoned), effects);
                Reconcile(effects);
            }
        });
    }

    /// <summary>The caller asked to be called back: keeps its place, no maximum wait from now on, never leaves for an empty queue.</summary>
    public void RequestCallback(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (entry.HasLeft)
            {
                return;
            }
            entry.IsCallback = true;
            entry.MaxWaitDue = false;
            entry.MaxWaitTimer?.Dispose();
            entry.MaxWaitTimer = null;
        }
    }

    private void OnMaxWait(QueueEntry entry) => Mutate(effects =>
    {
        if (entry.HasLeft || entry.IsCallback)
        {
            return;
        }
        if (entry.Offer is not null)
        {
            // Never cut a ringing offer short: the wait ends if that offer fails.
            entry.MaxWaitDue = true;
            return;
        }
        Leave(entry, new QueueExit(QueueExitReason.MaxWait), effects);
        Reconcile(effects);
    });

    /// <summary>Takes the entry out of its queue with <paramref name="exit"/> (completed once the lock is released).</summary>
    private void Leave(QueueEntry entry, QueueExit exit, AcdEffects effects)
    {
        entry.HasLeft = true;
        if (_queues.TryGetValue(entry.Queue, out var state))
        {
            state.Entries.Remove(entry);
        }
        entry.MaxWaitTimer?.Dispose();
        entry.MaxWaitTimer = null;
        entry.Position = 0;
        entry.EstimatedWait = TimeSpan.Zero;
        if (exit.Reason != QueueExitReason.Connected && entry.Offer is { } run)
        {
            effects.Cancellations.Add(run.Cancellation);
        }
        effects.Exits.Add((entry, exit));
    }

    /// <summary>No member is logged in except NotReady ones (none Ready, ringing, on a call or in wrap-up).</summary>
    private bool IsEmpty(QueueState queue) => PresentMembers(queue) == 0;

    private int PresentMembers(QueueState queue)
    {
        var count = 0;
        foreach (var member in queue.Config.Members.DistinctBy(m => m.Extension))
        {
            if (_agents.TryGetValue(member.Extension, out var agent) && agent.IsPresent)
            {
                count++;
            }
        }
        return count;
    }
}
