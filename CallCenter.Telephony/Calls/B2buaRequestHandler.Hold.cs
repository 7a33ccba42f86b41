using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // Hold is done by the anchor, whoever asks (call control, or a phone's re-INVITE with sendonly/inactive,
    // RFC 3264 §8.4): the legs are disconnected, the held party hears music on hold from the media clock, the
    // holder hears nothing. No re-INVITE goes to the held party: its media never stops, it only changes source.

    /// <summary>Holds the party on the other side of <paramref name="holder"/>.</summary>
    internal async Task<CallControlResult> HoldAsync(CallSession session, CallLeg holder)
    {
        if (session.HeldBy is not null || session.Consultation is not null || !IsMainParty(session, holder)
            || session.Other(holder) is not { Media.Audio: not null } held || session.AnsweredAt is null)
        {
            return CallControlResult.Fail(CallControlError.InvalidState, "Only a connected two-party call that is not held can be put on hold.");
        }
        session.HeldBy = holder;
        session.ReplaceBridge(null);
        await StartHoldMusicAsync(session, held).ConfigureAwait(false);
        events.Publish(new CallHeld(session.CallId, events.Now, holder.LegId));
        return CallControlResult.Ok();
    }

    /// <summary>Takes the call off hold; only the leg that held it may.</summary>
    internal CallControlResult Resume(CallSession session, CallLeg holder)
    {
        if (!ReferenceEquals(session.HeldBy, holder) || session.Other(holder) is not { } held)
        {
            return CallControlResult.Fail(CallControlError.InvalidState, "The call is not on hold by this party.");
        }
        session.HeldBy = null;
        StopHoldMusic(session, held);
        Connect(session, held, holder);
        events.Publish(new CallResumed(session.CallId, events.Now, holder.LegId));
        return CallControlResult.Ok();
    }

    // A re-INVITE/UPDATE changed the leg's direction: sendonly or inactive from the phone holds the other party.
    private async Task OnPhoneDirectionChangedAsync(CallSession session, CallLeg leg, bool onHold)
    {
        if (onHold && session.HeldBy is null)
        {
            await HoldAsync(session, leg).ConfigureAwait(false);
        }
        else if (!onHold && ReferenceEquals(session.HeldBy, leg))
        {
            Resume(session, leg);
        }
    }

    private async Task StartHoldMusicAsync(CallSession session, CallLeg leg) =>
        PlayTo(session, leg, await Prompts.OpenMusicOnHoldAsync(CancellationToken.None).ConfigureAwait(false), loop: true);

    // A player of the leg's own, in the leg's negotiated codec, paced by the process media clock.
    private void PlayTo(CallSession session, CallLeg leg, IAudioSource source, bool loop)
    {
        if (leg.Media is { Audio: { } audio } legMedia)
        {
            session.Play(leg, () => new MediaPlayer(legMedia.Endpoint, services.GetRequiredService<Media.MediaClock>(), audio.Codec, audio.PayloadType), source, loop);
        }
    }

    private static void StopHoldMusic(CallSession session, CallLeg leg) => session.StopPlaying(leg);

    private PromptLibrary Prompts => services.GetRequiredService<PromptLibrary>();
}
