using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Media;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    /// <summary>
    /// Sends digits to the other party as RFC 4733 events (an IVR the agent dialled): the relay toward that party
    /// pauses while they go out, so they are not mixed into the agent's audio. Returns when all were sent.
    /// </summary>
    internal async Task<CallControlResult> SendDtmfAsync(CallSession session, CallLeg agent, string digits)
    {
        // While the agent consults, the party it talks to is the consulted one (another department's IVR): the held
        // customer, who hears music, must not get the digits.
        var other = session.Consultation is { } consultation && ReferenceEquals(consultation.Agent, agent) ? consultation.Consulted : session.Other(agent);
        if (!IsConnected(session) || !IsMainParty(session, agent) || other is not { Media: { Audio: { } audio } target })
        {
            return CallControlResult.Fail(CallControlError.InvalidState, "Digits can be sent only in a connected two-party call.");
        }
        if (audio.TelephoneEventPayloadType is not int payloadType)
        {
            return CallControlResult.Fail(CallControlError.InvalidState, "The other party did not negotiate telephone-event (RFC 4733): it cannot take digits.");
        }
        var bridge = session.Bridge;
        var toward = bridge is not null && ReferenceEquals(bridge.LegA, target.Endpoint) ? MediaLeg.A : MediaLeg.B;
        bridge?.Mute(toward, true);
        try
        {
            var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var sender = new DtmfSender(target.Endpoint, payloadType, digits);
            sender.Completed += (_, _) => sent.TrySetResult();
            sender.Start(services.GetRequiredService<MediaClock>());
            // 160 ms per digit on the clock; the bound only guards against a stopped clock.
            await sent.Task.WaitAsync(TimeSpan.FromSeconds(2 + (digits.Length * 0.5)), session.Ending).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return CallControlResult.Fail(CallControlError.NoSuchCall, "The call ended while the digits were sent.");
        }
        finally
        {
            bridge?.Mute(toward, false);
        }
        return CallControlResult.Ok();
    }
}
