using CallCenter.Core.Data;
using CallCenter.Core.Data.Configurations;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Telephony;

/// <summary>
/// Applies one batch of call events to Call and CallLeg rows tracked by one context. <see cref="LoadAsync"/>
/// fetches what the batch needs in a few set queries (the calls it continues with their legs, customers by
/// number, agents by extension, queues by name); <see cref="Apply"/> then works in memory, in event order.
/// </summary>
internal sealed class CallRecordBatch
{
    private readonly CallCenterDbContext _db;
    private readonly Dictionary<Guid, Call> _calls;
    private readonly Dictionary<Guid, CallLeg> _legs;
    private readonly Dictionary<string, Guid> _customers;
    private readonly Dictionary<string, Guid> _agents;
    private readonly Dictionary<string, Guid> _queues;

    private CallRecordBatch(
        CallCenterDbContext db,
        Dictionary<Guid, Call> calls,
        Dictionary<string, Guid> customers,
        Dictionary<string, Guid> agents,
        Dictionary<string, Guid> queues)
    {
        _db = db;
        _calls = calls;
        _legs = calls.Values.SelectMany(c => c.Legs).ToDictionary(l => l.Id);
        _customers = customers;
        _agents = agents;
        _queues = queues;
    }

    /// <summary>Events of this batch whose call has no record (ignored).</summary>
    public int Orphans { get; private set; }

    public static async Task<CallRecordBatch> LoadAsync(CallCenterDbContext db, IReadOnlyList<CallEvent> batch, CancellationToken cancellationToken)
    {
        var offers = batch.OfType<CallOffered>().ToList();
        var offered = offers.Select(o => o.CallId).ToHashSet();
        var continued = batch.Select(e => e.CallId).Where(id => !offered.Contains(id)).Distinct().ToList();
        var calls = continued.Count == 0
            ? []
            : await db.Calls.Include(c => c.Legs).Where(c => continued.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, cancellationToken).ConfigureAwait(false);

        var numbers = offers.Select(CustomerNumber).Where(n => n.Length > 0).Distinct().ToList();
        var customers = numbers.Count == 0
            ? []
            : (await db.CustomerPhones.AsNoTracking().Where(p => numbers.Contains(p.Number))
                .Select(p => new { p.Number, p.CustomerId }).ToListAsync(cancellationToken).ConfigureAwait(false))
                .GroupBy(p => p.Number).ToDictionary(g => g.Key, g => g.Min(p => p.CustomerId), StringComparer.Ordinal);

        var extensions = batch.OfType<LegStarted>().Where(l => l.Role == CallLegRole.Agent).Select(l => l.Number)
            .Concat(batch.OfType<CallAnswered>().Select(a => a.AgentExtension ?? ""))
            .Where(n => n.Length > 0).Distinct().ToList();
        var agents = extensions.Count == 0
            ? []
            : (await db.Agents.AsNoTracking().Where(a => extensions.Contains(a.Extension))
                .Select(a => new { a.Extension, a.Id, a.IsActive }).ToListAsync(cancellationToken).ConfigureAwait(false))
                .GroupBy(a => a.Extension)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.IsActive).First().Id, StringComparer.Ordinal);

        var queueNames = offers.Where(o => o.Target.Kind == RouteTargetKind.Queue && o.Target.Key is not null)
            .Select(o => o.Target.Key!).Distinct().ToList();
        var queues = queueNames.Count == 0
            ? []
            : await db.Queues.AsNoTracking().Where(q => queueNames.Contains(q.Name))
                .ToDictionaryAsync(q => q.Name, q => q.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

        return new CallRecordBatch(db, calls, customers, agents, queues);
    }

    public void Apply(CallEvent callEvent)
    {
        if (callEvent is CallOffered offered)
        {
            Offer(offered);
            return;
        }
        if (!_calls.TryGetValue(callEvent.CallId, out var call))
        {
            Orphans++;
            return;
        }
        switch (callEvent)
        {
            case LegStarted started:
                StartLeg(call, started);
                break;
            case CallAnswered answered:
                Answer(call, answered);
                break;
            case LegEnded ended when _legs.TryGetValue(ended.LegId, out var leg):
                leg.EndedAt ??= ended.At;
                leg.EndCause ??= ended.SipStatus is { } status ? $"{ended.Cause.ToText()} ({status})" : ended.Cause.ToText();
                break;
            case CallEnded ended:
                End(call, ended);
                break;
            case CallQueued queued:
                // The wait in queue starts at the first queue; an overflow to another queue makes that the call's queue.
                call.QueuedAt ??= queued.At;
                call.QueueId = _queues.TryGetValue(queued.Queue, out var queueId) ? queueId : call.QueueId;
                break;
            case RecordingStarted recording:
                // The first recording of the call is the one its record plays (a later on-demand one is
                // catalogued with the call's id).
                call.RecordingId ??= recording.RecordingId;
                break;
            default:
                // Ringing, hold, resume, transfer and DTMF have no columns in the call record (yet).
                break;
        }
    }

    private void Offer(CallOffered offered)
    {
        if (_calls.ContainsKey(offered.CallId))
        {
            return;
        }
        var call = new Call
        {
            Id = offered.CallId,
            SipCallId = Truncate(offered.SipCallId, ColumnLengths.SipCallId),
            Direction = offered.Direction switch
            {
                CallEventDirection.Outbound => CallDirection.Outbound,
                CallEventDirection.Internal => CallDirection.Internal,
                _ => CallDirection.Inbound,
            },
            CallerNumber = Truncate(offered.CallerNumber, ColumnLengths.Number) ?? "",
            DialledNumber = Truncate(offered.DialledNumber, ColumnLengths.Number) ?? "",
            CustomerId = _customers.TryGetValue(CustomerNumber(offered), out var customerId) ? customerId : null,
            QueueId = offered.Target.Key is { } key && offered.Target.Kind == RouteTargetKind.Queue && _queues.TryGetValue(key, out var queueId)
                ? queueId
                : null,
            OfferedAt = offered.At,
        };
        _db.Calls.Add(call);
        _calls.Add(call.Id, call);
    }

    private void StartLeg(Call call, LegStarted started)
    {
        if (_legs.ContainsKey(started.LegId))
        {
            return;
        }
        var leg = new CallLeg
        {
            Id = started.LegId,
            CallId = call.Id,
            Kind = started.Role switch
            {
                CallLegRole.Agent => CallLegKind.Agent,
                CallLegRole.Trunk => CallLegKind.Trunk,
                CallLegRole.Consult => CallLegKind.Consult,
                CallLegRole.Conference => CallLegKind.Conference,
                CallLegRole.Monitor => CallLegKind.Monitor,
                _ => CallLegKind.Customer,
            },
            Number = Truncate(started.Number, ColumnLengths.Number) ?? "",
            AgentId = started.Role == CallLegRole.Agent && _agents.TryGetValue(started.Number, out var agentId) ? agentId : null,
            SipCallId = Truncate(started.SipCallId, ColumnLengths.SipCallId),
            StartedAt = started.At,
        };
        _db.CallLegs.Add(leg);
        _legs.Add(leg.Id, leg);
    }

    private void Answer(Call call, CallAnswered answered)
    {
        if (_legs.TryGetValue(answered.LegId, out var leg))
        {
            leg.AnsweredAt ??= answered.At;
        }
        if (call.AnsweredAt is null)
        {
            call.AnsweredAt = answered.At;
            call.WaitSeconds = Seconds(answered.At - call.OfferedAt);
        }
        // The call's agent is the first agent who answered it (a transfer does not move the record).
        if (call.AgentId is null && answered.AgentExtension is { } extension && _agents.TryGetValue(extension, out var agentId))
        {
            call.AgentId = agentId;
        }
    }

    private void End(Call call, CallEnded ended)
    {
        if (call.EndedAt is not null)
        {
            return;
        }
        call.EndedAt = ended.At;
        call.EndCause = ended.Cause.ToText();
        call.HangupBy = ToHangupParty(call.Direction, ended.HangupBy);
        call.IsAbnormal = ended.Cause.IsAbnormal();
        if (call.AnsweredAt is { } answeredAt)
        {
            call.TalkSeconds = Seconds(ended.At - answeredAt);
        }
        else
        {
            call.WaitSeconds = Seconds(ended.At - call.OfferedAt);
            // Abandoned: the caller gave up before anyone answered (a message left in voicemail is not giving up).
            call.IsAbandoned = ended.Cause == CallEndCause.Abandoned || (ended.HangupBy == HangupSide.Caller && ended.Cause != CallEndCause.Voicemail);
        }
        foreach (var leg in _legs.Values.Where(l => l.CallId == call.Id && l.EndedAt is null))
        {
            leg.EndedAt = ended.At;
            leg.EndCause = call.EndCause;
        }
    }

    // The record names parties by role: Caller is the customer, Agent the call center's side. On an
    // outbound call the agent is the caller and the customer the callee.
    private static HangupParty ToHangupParty(CallDirection direction, HangupSide side) => (direction, side) switch
    {
        (_, HangupSide.System) => HangupParty.System,
        (CallDirection.Outbound, HangupSide.Caller) => HangupParty.Agent,
        (CallDirection.Outbound, HangupSide.Callee) => HangupParty.Caller,
        (_, HangupSide.Caller) => HangupParty.Caller,
        (_, HangupSide.Callee) => HangupParty.Agent,
        _ => HangupParty.Unknown,
    };

    private static string CustomerNumber(CallOffered offered) =>
        offered.Direction == CallEventDirection.Outbound ? offered.DialledNumber : offered.CallerNumber;

    private static int Seconds(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)span.TotalSeconds;

    private static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..length];
}
