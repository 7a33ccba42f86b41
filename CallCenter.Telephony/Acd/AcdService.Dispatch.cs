namespace CallCenter.Telephony.Acd;

// Matching waiting calls to Ready agents, and keeping positions and estimated waits current.
public sealed partial class AcdService
{
    /// <summary>
    /// After every change: calls leave queues that became empty (when configured), waiting calls are matched to
    /// Ready agents, positions and estimated waits are recomputed. Under the lock.
    /// </summary>
    private void Reconcile(AcdEffects effects)
    {
        foreach (var queue in _queues.Values)
        {
            if (queue.Entries.Count > 0 && queue.Config.LeaveWhenEmpty && IsEmpty(queue))
            {
                foreach (var entry in queue.Entries.Where(e => !e.IsCallback && e.Offer is null).ToArray())
                {
                    Leave(entry, new QueueExit(QueueExitReason.Empty), effects);
                }
            }
        }
        Match(effects);
        UpdatePositions();
    }

    /// <summary>
    /// Repeatedly takes the queue whose head call (highest priority, then longest waiting, no offer ringing) comes
    /// first across all queues, and reserves the agents its strategy picks among its Ready members.
    /// </summary>
    private void Match(AcdEffects effects)
    {
        HashSet<QueueState>? unserved = null;
        while (true)
        {
            QueueState? best = null;
            QueueEntry? bestHead = null;
            foreach (var queue in _queues.Values)
            {
                if (unserved?.Contains(queue) == true)
                {
                    continue;
                }
                var head = queue.Entries.Find(e => e.Offer is null);
                if (head is null || (bestHead is not null && !QueueState.Comes(head, bestHead)))
                {
                    continue;
                }
                best = queue;
                bestHead = head;
            }
            if (best is null || bestHead is null)
            {
                return;
            }
            var candidates = Candidates(best, out var lastIndex);
            var picks = AgentSelector.Select(best.Config.Strategy, candidates, best.Config.Members.Count, lastIndex, best.Config.RequiredSkills);
            if (picks.Count == 0)
            {
                (unserved ??= []).Add(best);
                continue;
            }
            Reserve(best, bestHead, picks, effects);
        }
    }

    /// <summary>The queue's offerable members in member order (each agent once), and round-robin's last index.</summary>
    private List<AgentCandidate> Candidates(QueueState queue, out int lastOfferedIndex)
    {
        var members = queue.Config.Members;
        var candidates = new List<AgentCandidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        lastOfferedIndex = -1;
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            if (!seen.Add(member.Extension))
            {
                continue;
            }
            if (member.Extension == queue.LastOffered)
            {
                lastOfferedIndex = i;
            }
            if (_agents.TryGetValue(member.Extension, out var agent) && agent.IsOfferable)
            {
                RollAnsweredDay(agent);
                candidates.Add(new AgentCandidate(member.Extension, i, member.Priority, agent.IdleSince, agent.AnsweredToday, agent.Config.Skills));
            }
        }
        return candidates;
    }

    /// <summary>Ready → Ringing for every picked agent, atomically; the offer itself starts once the lock is released.</summary>
    private void Reserve(QueueState queue, QueueEntry entry, IReadOnlyList<string> picks, AcdEffects effects)
    {
        var run = new OfferRun(entry, picks, queue.Config.RingTimeout);
        _running[run.Cancellation.Token] = run;
        entry.Offer = run;
        foreach (var extension in picks)
        {
            var agent = _agents[extension];
            agent.Offer = run;
            agent.DirectCall = false;
            agent.LegId = null;
            Enter(agent, AgentStatus.Ringing, null, entry.Call.CallId, queue.Name);
        }
        queue.LastOffered = picks[^1];
        effects.Offers.Add(run);
    }

    private void UpdatePositions()
    {
        foreach (var queue in _queues.Values)
        {
            if (queue.Entries.Count == 0)
            {
                continue;
            }
            var agents = PresentMembers(queue);
            for (var i = 0; i < queue.Entries.Count; i++)
            {
                var entry = queue.Entries[i];
                entry.Position = i + 1;
                entry.EstimatedWait = EstimatedWaitCalculator.Estimate(i + 1, agents, queue.HandleTimes, DefaultHandleTime);
            }
        }
    }
}
