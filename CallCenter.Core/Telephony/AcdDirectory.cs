using System.Collections.Concurrent;
using System.Collections.Frozen;

using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Acd;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Telephony;

/// <summary>
/// The <see cref="IAcdDirectory"/> port over queues, groups, agents and skills. Everything the ACD asks is held in
/// one snapshot (<see cref="Ttl"/>, stale-while-reloading, <see cref="Invalidate"/> after an admin change to
/// queues, groups or agents), so a call waiting in a queue never waits on the database. A queue's members are the
/// active agents with an extension in any of its groups, at their group priority (the higher one when an agent is
/// in two of the queue's groups), ordered by priority (highest first), then extension.
/// </summary>
public sealed partial class AcdDirectory : IAcdDirectory
{
    /// <summary>How long a snapshot is served before it is reloaded.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    private readonly IDbContextFactory<CallCenterDbContext> _contextFactory;
    private readonly ILogger<AcdDirectory> _logger;
    private readonly CachedSnapshot<Snapshot> _snapshot;

    // (queue, stored text) pairs already warned about, so that a bad row is not logged at every reload.
    private readonly ConcurrentDictionary<(string Queue, string Text), byte> _unreadableHours = new();

    /// <summary>Creates the directory; nothing is loaded until the first call.</summary>
    public AcdDirectory(IDbContextFactory<CallCenterDbContext> contextFactory, TimeProvider timeProvider, ILogger<AcdDirectory> logger)
    {
        _contextFactory = contextFactory;
        _logger = logger;
        _snapshot = new CachedSnapshot<Snapshot>(LoadAsync, timeProvider, Ttl, ex => LogReloadFailed(logger, ex));
    }

    /// <inheritdoc />
    public async ValueTask<AcdQueueConfig?> GetQueueAsync(string name, CancellationToken cancellationToken)
    {
        var snapshot = await _snapshot.GetAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.QueuesByName.GetValueOrDefault(name);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AcdQueueConfig>> GetQueuesAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _snapshot.GetAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.Queues;
    }

    /// <inheritdoc />
    public async ValueTask<AcdAgentConfig?> GetAgentAsync(string extension, CancellationToken cancellationToken)
    {
        var snapshot = await _snapshot.GetAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.Agents.GetValueOrDefault(extension);
    }

    /// <summary>Drops the snapshot: the next question reloads (call after changing queues, groups, agents or skills).</summary>
    public void Invalidate() => _snapshot.Invalidate();

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var queues = await db.Queues.AsNoTracking()
                .Include(q => q.Groups)
                .Include(q => q.RequiredSkills).ThenInclude(r => r.Skill)
                .AsSplitQuery()
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var agents = await db.Agents.AsNoTracking()
                .Where(a => a.IsActive && a.Extension != "")
                .Include(a => a.Skills).ThenInclude(s => s.Skill)
                .Include(a => a.Groups)
                .AsSplitQuery()
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            var agentConfigs = agents
                .GroupBy(a => a.Extension, StringComparer.Ordinal)
                .Select(g => g.First())
                .ToFrozenDictionary(a => a.Extension, ToConfig, StringComparer.Ordinal);
            // Group → (extension, priority) of its active members.
            var members = agents
                .SelectMany(a => a.Groups.Select(m => (m.GroupId, a.Extension, m.Priority)))
                .ToLookup(m => m.GroupId);
            var queueConfigs = queues
                .OrderBy(q => q.Name, StringComparer.Ordinal)
                .Select(q => ToConfig(q, members))
                .ToList();
            return new Snapshot(
                queueConfigs,
                queueConfigs.ToFrozenDictionary(q => q.Name, StringComparer.Ordinal),
                agentConfigs);
        }
    }

    private static AcdAgentConfig ToConfig(Agent agent) =>
        new(agent.Extension, agent.Name, agent.MaxMissedOffers, SkillLevels(agent.Skills.Select(s => (s.Skill?.Name, s.Level))));

    private AcdQueueConfig ToConfig(CallQueue queue, ILookup<Guid, (Guid GroupId, string Extension, int Priority)> members)
    {
        var queueMembers = queue.Groups
            .SelectMany(g => members[g.GroupId])
            .GroupBy(m => m.Extension, StringComparer.Ordinal)
            .Select(g => new AcdQueueMember(g.Key, g.Max(m => m.Priority)))
            .OrderByDescending(m => m.Priority)
            .ThenBy(m => m.Extension, StringComparer.Ordinal)
            .ToList();
        return new AcdQueueConfig(queue.Name, queue.DisplayName, ToStrategy(queue.Strategy), queueMembers)
        {
            RingTimeout = TimeSpan.FromSeconds(queue.RingTimeoutSeconds),
            MaxWait = TimeSpan.FromSeconds(queue.MaxWaitSeconds),
            WrapUp = TimeSpan.FromSeconds(queue.WrapUpSeconds),
            Overflow = ToOverflow(queue),
            JoinWhenEmpty = queue.JoinWhenEmpty,
            LeaveWhenEmpty = queue.LeaveWhenEmpty,
            AnnouncePosition = queue.AnnouncePosition,
            AnnounceInterval = TimeSpan.FromSeconds(queue.AnnounceIntervalSeconds),
            OfferCallback = queue.OfferCallback,
            Hours = ToHours(queue),
            RequiredSkills = SkillLevels(queue.RequiredSkills.Select(r => (r.Skill?.Name, r.MinLevel))),
        };
    }

    // The admin service stores only hours it can read; text that cannot be read (written around it, or by an older
    // parser) must not close the queue, so it counts as always open, with a warning.
    private BusinessHours? ToHours(CallQueue queue)
    {
        if (BusinessHours.TryParse(queue.BusinessHours, out var hours, out var error))
        {
            return hours;
        }
        if (_unreadableHours.TryAdd((queue.Name, queue.BusinessHours!), 0))
        {
            LogUnreadableHours(_logger, queue.Name, queue.BusinessHours!, error);
        }
        return null;
    }

    private static AcdStrategy ToStrategy(QueueStrategy strategy) => strategy switch
    {
        QueueStrategy.Priority => AcdStrategy.Priority,
        QueueStrategy.RoundRobin => AcdStrategy.RoundRobin,
        QueueStrategy.RingAll => AcdStrategy.RingAll,
        QueueStrategy.LongestIdle => AcdStrategy.LongestIdle,
        QueueStrategy.FewestCalls => AcdStrategy.FewestCalls,
        QueueStrategy.SkillsBased => AcdStrategy.SkillsBased,
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "A queue strategy the ACD does not know."),
    };

    // Only a queue can be a target inside the ACD; an extension or an IVR flow as overflow is not something it
    // can hand a waiting caller to, so anything but a queue or voicemail ends with the message and hang-up.
    private static AcdOverflow ToOverflow(CallQueue queue) => queue.OverflowTargetType switch
    {
        RouteTargetType.Queue when !string.IsNullOrWhiteSpace(queue.OverflowTarget) => new AcdOverflow(AcdOverflowKind.Queue, queue.OverflowTarget),
        RouteTargetType.Voicemail => new AcdOverflow(AcdOverflowKind.Voicemail, null),
        _ => new AcdOverflow(AcdOverflowKind.Hangup, null),
    };

    private static FrozenDictionary<string, int> SkillLevels(IEnumerable<(string? Name, int Level)> skills) =>
        skills.Where(s => !string.IsNullOrEmpty(s.Name))
            .GroupBy(s => s.Name!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Max(s => s.Level), StringComparer.Ordinal);

    [LoggerMessage(EventId = 3261, Level = LogLevel.Error, Message = "Reloading the ACD directory failed; the previous snapshot stays in use")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3262, Level = LogLevel.Warning,
        Message = "The business hours '{Hours}' of queue {Queue} cannot be read ({Error}); the queue is treated as always open")]
    private static partial void LogUnreadableHours(ILogger logger, string queue, string hours, string error);

    private sealed record Snapshot(
        IReadOnlyList<AcdQueueConfig> Queues,
        FrozenDictionary<string, AcdQueueConfig> QueuesByName,
        FrozenDictionary<string, AcdAgentConfig> Agents);
}
