using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Media;
using CallCenter.Telephony.Media.Mixing;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // Three-way calls and monitoring move the call's legs from the two-party bridge into a mixer on the media
    // clock. While the new party rings, the two parties keep talking. When a party leaves and two speakers remain
    // with nobody monitoring, they go back to a plain bridge.

    /// <summary>Adds <paramref name="number"/> to the agent's call as a third party.</summary>
    internal async Task<CallControlResult> ConferenceAddAsync(CallSession session, CallLeg agent, string number)
    {
        if (!IsConnected(session) || session.HeldBy is not null || session.Consultation is not null || !IsMainParty(session, agent))
        {
            return CallControlResult.Fail(CallControlError.InvalidState, "Only a connected call that is not held or consulting can add a party.");
        }
        var codec = agent.Media!.Audio!.Codec;
        var (party, status) = await DialLegAsync(session, number, agent.Extension ?? agent.Number, agent.Extension, CallLegRole.Conference, codec, CancellationToken.None)
            .ConfigureAwait(false);
        if (party is null)
        {
            return CallControlResult.FromStatus(status, number);
        }
        session.Mix(CreateMixer(session), [(session.Caller, MixerRole.Speaker, null), (session.Callee!, MixerRole.Speaker, null), (party, MixerRole.Speaker, null)]);
        return CallControlResult.Ok(party.LegId);
    }

    /// <summary>Drops a party the agent added (or a supervisor): the agent keeps the customer.</summary>
    internal async Task<CallControlResult> ConferenceDropAsync(CallSession session, CallLeg leg)
    {
        if (IsMainParty(session, leg) || leg.Ended || !session.MixedLegs.Any(m => ReferenceEquals(m.Leg, leg)))
        {
            return CallControlResult.Fail(CallControlError.NotAParty, "Only a party added to the three-way call can be dropped.");
        }
        await LeaveMixAsync(session, leg).ConfigureAwait(false);
        await ReleaseAsync(session, leg).ConfigureAwait(false);
        return CallControlResult.Ok();
    }

    /// <summary>Rings <paramref name="supervisorExtension"/> and, when answered, joins it to the agent's call in <paramref name="mode"/>.</summary>
    internal async Task<CallControlResult> MonitorAsync(CallSession session, CallLeg agent, string supervisorExtension, MonitorMode mode)
    {
        if (!IsConnected(session) || session.Consultation is not null)
        {
            return CallControlResult.Fail(CallControlError.InvalidState, "Only a connected call can be monitored.");
        }
        var codec = agent.Media!.Audio!.Codec;
        var (supervisor, status) = await DialLegAsync(session, supervisorExtension, agent.Number, supervisorExtension, CallLegRole.Monitor, codec, CancellationToken.None)
            .ConfigureAwait(false);
        if (supervisor is null)
        {
            return CallControlResult.FromStatus(status, supervisorExtension);
        }
        supervisor.MonitoredAgent = agent;
        var others = session.IsMixed ? [] : new[] { (session.Caller, MixerRole.Speaker, (CallLeg?)null), (session.Callee!, MixerRole.Speaker, (CallLeg?)null) };
        session.Mix(CreateMixer(session), [.. others, (supervisor, ToRole(mode), mode == MonitorMode.Whisper ? agent : null)]);
        return CallControlResult.Ok(supervisor.LegId);
    }

    /// <summary>Changes a joined supervisor's mode.</summary>
    internal CallControlResult SetMonitorMode(CallSession session, CallLeg supervisor, MonitorMode mode)
    {
        if (supervisor.MonitoredAgent is not { Ended: false } agent || !session.MixedLegs.Any(m => ReferenceEquals(m.Leg, supervisor)))
        {
            return CallControlResult.Fail(CallControlError.NotAParty, "That leg is not a supervisor on this call.");
        }
        session.Mix(CreateMixer(session), [(supervisor, ToRole(mode), mode == MonitorMode.Whisper ? agent : null)]);
        return CallControlResult.Ok();
    }

    // A leg left a mixed call: out of the mixer; back to a bridge when two speakers and nobody else remain; the
    // call ends when fewer than two speakers remain. Returns false when the call was not mixed.
    private async Task<bool> LeaveMixAsync(CallSession session, CallLeg leg)
    {
        if (!session.IsMixed)
        {
            return false;
        }
        session.Unmix(leg);
        var remaining = session.MixedLegs;
        var speakers = remaining.Where(m => m.Role == MixerRole.Speaker).Select(m => m.Leg).ToArray();
        if (speakers.Length < 2)
        {
            await EndAsync(session, leg.Party, CallEndCause.Normal, null, CancellationToken.None, byLeg: leg).ConfigureAwait(false);
            return true;
        }
        if (IsMainParty(session, leg))
        {
            // Whoever stays and was not a party takes the leaver's place (the call is between the remaining two).
            ReplaceParty(session, leg, speakers.First(s => !IsMainParty(session, s)));
        }
        if (remaining.Count == 2)
        {
            Connect(session, speakers[0], speakers[1]);
        }
        return true;
    }

    private bool IsConnected(CallSession session) =>
        session.AnsweredAt is not null && session.Caller.Media?.Audio is not null && session.Callee?.Media?.Audio is not null;

    private Func<ConferenceMixer> CreateMixer(CallSession session) => () =>
    {
        var mixer = new ConferenceMixer(services.GetRequiredService<MediaClock>());
        mixer.DtmfReceived += (_, e) =>
        {
            if (session.MixedLegs.FirstOrDefault(m => ReferenceEquals(m.Leg.Media?.Endpoint, e.Participant.Endpoint)).Leg is { } from)
            {
                PublishDtmf(session, from, e.Digit, DtmfMethod.Rfc4733);
            }
        };
        return mixer;
    };

    private static MixerRole ToRole(MonitorMode mode) => mode switch
    {
        MonitorMode.Listen => MixerRole.Listener,
        MonitorMode.Whisper => MixerRole.Whisperer,
        _ => MixerRole.Speaker,
    };
}
