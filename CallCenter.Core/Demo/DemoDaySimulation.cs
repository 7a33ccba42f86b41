using System.Globalization;
using CallCenter.Core.Domain;

namespace CallCenter.Core.Demo;

/// <summary>
/// One past day of the contact center, played through a small ACD: calls arrive in time order,
/// go through the IVR or straight to a queue, wait for the first agent of the queue's groups who
/// is free (ties broken by the queue's strategy), and are answered, abandoned or sent to
/// voicemail. Agent periods come out of the same run, so they agree with the calls exactly.
/// Times are whole seconds, so wait and talk seconds equal the differences of the stored times.
/// </summary>
internal sealed class DemoDaySimulation
{
    private readonly DateOnly _date;
    private readonly DateTimeOffset _midnight;
    private readonly TimeZoneInfo _zone;
    private readonly IReadOnlyList<DemoQueueRoute> _queues;
    private readonly DemoCallerBook _callers;
    private readonly Random _random;
    private readonly List<SimulatedAgent> _agents;
    private readonly Dictionary<Guid, int> _lastRoundRobin = [];

    public DemoDaySimulation(
        DateOnly date, TimeZoneInfo zone, IReadOnlyList<DemoRosterAgent> roster, IReadOnlyList<DemoQueueRoute> queues, DemoCallerBook callers, Random random)
    {
        _date = date;
        _zone = zone;
        var localMidnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        _midnight = new DateTimeOffset(localMidnight, zone.GetUtcOffset(localMidnight));
        _queues = queues;
        _callers = callers;
        _random = random;
        _agents = DemoShiftPlanner.Plan(date, roster, random);
    }

    public void Run(List<Call> calls, List<AgentStateInterval> intervals)
    {
        foreach (var offeredAt in DemoTraffic.Arrivals(_date.DayOfWeek, _random))
        {
            calls.Add(Offer(offeredAt));
        }
        foreach (var agent in _agents)
        {
            foreach (var activity in agent.Session())
            {
                intervals.Add(new AgentStateInterval
                {
                    AgentId = agent.Roster.Id,
                    State = activity.State,
                    Reason = activity.Reason,
                    StartedAt = At(activity.Start),
                    EndedAt = At(activity.End),
                    CallId = activity.CallId,
                });
            }
        }
    }

    private Call Offer(int offeredAt)
    {
        var (number, customerId) = _callers.Next();
        var call = new Call
        {
            Id = Guid.CreateVersion7(At(offeredAt)),
            SipCallId = string.Create(CultureInfo.InvariantCulture, $"{_random.NextInt64():x16}@demo"),
            Direction = CallDirection.Inbound,
            CallerNumber = number,
            CustomerId = customerId,
            OfferedAt = At(offeredAt),
        };
        var viaIvr = _random.NextDouble() < 0.45;
        var menuSeconds = viaIvr ? _random.Next(8, 26) : 0;
        var queue = DemoTraffic.PickQueue(_random, _queues);
        int endedAt;
        if (queue is null)
        {
            call.DialledNumber = viaIvr ? "4000" : "4003";
            call.HangupBy = HangupParty.Caller;
            call.EndCause = "info-service";
            endedAt = offeredAt + menuSeconds + _random.Next(30, 180);
        }
        else
        {
            call.DialledNumber = viaIvr ? "4000" : queue.Number;
            endedAt = Queue(call, queue, offeredAt + menuSeconds + _random.Next(1, 4));
        }
        call.EndedAt = At(endedAt);
        // The B2BUA answers the caller at once to play the menu or queue music.
        call.Legs.Insert(0, new CallLeg
        {
            Id = Guid.CreateVersion7(call.OfferedAt),
            Kind = CallLegKind.Customer,
            Number = number,
            SipCallId = call.SipCallId,
            StartedAt = call.OfferedAt,
            AnsweredAt = call.OfferedAt,
            EndedAt = call.EndedAt,
            EndCause = call.EndCause,
        });
        return call;
    }

    /// <summary>Queues the call and returns when it ends.</summary>
    private int Queue(Call call, DemoQueueRoute queue, int queuedAt)
    {
        call.QueueId = queue.Id;
        call.QueuedAt = At(queuedAt);
        var patience = DemoTraffic.Patience(_random);
        var agent = Choose(queue, queuedAt, out var ringAt);
        var answeredAt = agent is null ? int.MaxValue : ringAt + _random.Next(3, 10);
        if (agent is null || answeredAt - queuedAt > Math.Min(patience, queue.MaxWaitSeconds))
        {
            call.HangupBy = HangupParty.Caller;
            if (patience < queue.MaxWaitSeconds)
            {
                call.IsAbandoned = true;
                call.EndCause = "abandoned";
                call.WaitSeconds = patience;
                return queuedAt + patience;
            }
            // Overflow to the queue's voicemail box; no Voicemail rows, as no audio exists for history.
            call.EndCause = "voicemail";
            call.WaitSeconds = queue.MaxWaitSeconds;
            return queuedAt + queue.MaxWaitSeconds + _random.Next(15, 60);
        }

        var endedAt = answeredAt + DemoTraffic.TalkSeconds(_random, queue.MeanTalkSeconds);
        var abnormal = _random.NextDouble() < 0.006;
        call.AgentId = agent.Roster.Id;
        call.AnsweredAt = At(answeredAt);
        call.WaitSeconds = answeredAt - queuedAt;
        call.TalkSeconds = endedAt - answeredAt;
        call.IsAbnormal = abnormal;
        call.HangupBy = abnormal ? HangupParty.System : _random.NextDouble() < 0.55 ? HangupParty.Caller : HangupParty.Agent;
        call.EndCause = abnormal ? "media-timeout" : "normal";
        call.Legs.Add(new CallLeg
        {
            Id = Guid.CreateVersion7(At(ringAt)),
            Kind = CallLegKind.Agent,
            Number = agent.Roster.Extension,
            AgentId = agent.Roster.Id,
            SipCallId = string.Create(CultureInfo.InvariantCulture, $"{_random.NextInt64():x16}@demo"),
            StartedAt = At(ringAt),
            AnsweredAt = At(answeredAt),
            EndedAt = At(endedAt),
            EndCause = call.EndCause,
        });
        agent.TakeCall(ringAt, answeredAt, endedAt, queue.WrapUpSeconds, call.Id);
        _lastRoundRobin[queue.Id] = agent.Roster.Index;
        return endedAt;
    }

    private SimulatedAgent? Choose(DemoQueueRoute queue, int queuedAt, out int ringAt)
    {
        SimulatedAgent? best = null;
        ringAt = int.MaxValue;
        foreach (var agent in _agents)
        {
            if (!queue.IsServedBy(agent.Roster) || agent.AvailableFrom(queuedAt) is not { } at)
            {
                continue;
            }
            if (at < ringAt || (at == ringAt && Prefers(queue, agent, best!)))
            {
                best = agent;
                ringAt = at;
            }
        }
        return best;
    }

    private bool Prefers(DemoQueueRoute queue, SimulatedAgent candidate, SimulatedAgent current)
    {
        switch (queue.Strategy)
        {
            case QueueStrategy.Priority:
                var (a, b) = (queue.PriorityOf(candidate.Roster), queue.PriorityOf(current.Roster));
                return a != b ? a > b : candidate.FreeAt < current.FreeAt;
            case QueueStrategy.RoundRobin:
                return RoundRobinDistance(queue, candidate) < RoundRobinDistance(queue, current);
            default:
                // Ring-all: whoever picks up first.
                return _random.Next(2) == 0;
        }
    }

    private int RoundRobinDistance(DemoQueueRoute queue, SimulatedAgent agent)
    {
        const int Ring = 1024;
        var last = _lastRoundRobin.GetValueOrDefault(queue.Id, -1);
        return (agent.Roster.Index - last - 1 + Ring) % Ring;
    }

    private DateTimeOffset At(int secondsFromMidnight) => TimeZoneInfo.ConvertTime(_midnight.AddSeconds(secondsFromMidnight), _zone);
}
