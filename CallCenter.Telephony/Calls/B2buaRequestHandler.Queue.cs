using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transactions;
using CallCenter.Telephony.Voicemail;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // A queue's overflow may lead to another queue; a chain longer than this is a configuration loop.
    private const int MaxQueueHops = 5;

    // The key that asks for a callback while waiting (the queue's OfferCallback).
    private const char CallbackKey = '1';

    private AcdService Acd => services.GetRequiredService<AcdService>();

    // A call to a queue: identify the caller, answer it with our anchor (it hears music and announcements while it
    // waits; its wait is not an answer), then wait for the ACD: an agent, or the queue's overflow.
    private async Task CallQueueAsync(CallSession session, string queueName, SipServerTransaction transaction, SipRequest request,
        CancellationToken cancellationToken)
    {
        var directory = services.GetRequiredService<IAcdDirectory>();
        if (await directory.GetQueueAsync(queueName, cancellationToken).ConfigureAwait(false) is not { } queue)
        {
            await TrySendAsync(transaction, ResponseTo(transaction, 480), cancellationToken).ConfigureAwait(false);
            await EndAsync(session, CallParty.System, CallEndCause.Unavailable, 480, cancellationToken).ConfigureAwait(false);
            return;
        }
        await IdentifyCallerAsync(session, cancellationToken).ConfigureAwait(false);
        if (!await AcceptIntoEngineAsync(session, transaction, request, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        if (queue.Hours is { } hours && !hours.IsOpen(time.GetLocalNow()))
        {
            // Out of hours (非营业时间): the optional "queue-closed" message, then the queue's voicemail box.
            LogQueueClosed(logger, session.Id, queue.Name, hours.ToString());
            if (await Prompts.OpenOptionalAsync("queue-closed", CancellationToken.None).ConfigureAwait(false) is { } closed)
            {
                await session.PlayOnceAsync(session.Caller, PlayerFor(session.Caller), closed).ConfigureAwait(false);
            }
            if (!await TakeVoicemailAsync(session, new VoicemailBox(true, queue.Name)).ConfigureAwait(false))
            {
                await RefuseWithMessageAsync(session, "queue-unavailable", CallEndCause.Overflow).ConfigureAwait(false);
            }
            return;
        }
        for (var hop = 0; hop < MaxQueueHops && !session.IsEnded; hop++)
        {
            var exit = await WaitInQueueAsync(session, queue).ConfigureAwait(false);
            if (exit is null || exit.Reason is QueueExitReason.Connected or QueueExitReason.Abandoned)
            {
                return;
            }
            LogQueueOverflow(logger, session.Id, queue.Name, exit.Reason, queue.Overflow.Kind, queue.Overflow.Target);
            if (queue.Overflow.Kind == AcdOverflowKind.Queue
                && await directory.GetQueueAsync(queue.Overflow.Target ?? "", CancellationToken.None).ConfigureAwait(false) is { } next)
            {
                queue = next;
                continue;
            }
            if (queue.Overflow.Kind == AcdOverflowKind.Voicemail
                && await TakeVoicemailAsync(session, new VoicemailBox(true, queue.Name)).ConfigureAwait(false))
            {
                return;
            }
            break;
        }
        await RefuseWithMessageAsync(session, "queue-unavailable", CallEndCause.Overflow).ConfigureAwait(false);
    }

    // Who is calling, published before any agent's phone rings (the screen pop); VIPs wait ahead of others.
    private async Task IdentifyCallerAsync(CallSession session, CancellationToken cancellationToken)
    {
        try
        {
            var info = await services.GetRequiredService<ICallerIdentification>().IdentifyAsync(session.From, cancellationToken).ConfigureAwait(false);
            session.CallerInfo = info;
            events.Publish(new CallerIdentified(session.CallId, events.Now, info));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Identification is a help, never a reason to lose the call.
            LogFailed(logger, ex, session.Id, "caller identification");
            session.CallerInfo = new CallerInfo(session.From);
        }
    }

    // The engine answers the caller itself (queue, voicemail): our anchor's answer to its offer, a listener for its keys.
    private async Task<bool> AcceptIntoEngineAsync(CallSession session, SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken)
    {
        if (session.Caller.Dialog is null)
        {
            if (session.Caller.Media is null)
            {
                if (AnchorCaller(session, request) is not { Audio: not null } answer)
                {
                    await TrySendAsync(transaction, ResponseTo(transaction, 488), cancellationToken).ConfigureAwait(false);
                    await EndAsync(session, CallParty.System, CallEndCause.Abnormal, 488, cancellationToken).ConfigureAwait(false);
                    return false;
                }
                session.Caller.LocalSdp = answer.Answer.ToBytes();
            }
            if (!await AcceptCallerAsync(session, transaction, request, session.Caller.LocalSdp, cancellationToken).ConfigureAwait(false))
            {
                await EndAsync(session, CallParty.Caller, CallEndCause.Cancelled, 487, cancellationToken).ConfigureAwait(false);
                return false;
            }
        }
        ListenToCaller(session);
        return true;
    }

    // The caller's keys while no bridge carries its media (a bridge takes the endpoint over when an agent answers).
    private void ListenToCaller(CallSession session)
    {
        if (session.Caller.Media is not { Audio: { } audio } callerMedia || session.Listener is not null)
        {
            return;
        }
        var listener = new LegListener(audio);
        listener.Digit += (digit, method) => PublishDtmf(session, session.Caller, digit, method);
        session.Listener = listener;
        callerMedia.Endpoint.Attach(listener);
    }

    // One stay in one queue; null when the call ended meanwhile.
    private async Task<QueueExit?> WaitInQueueAsync(CallSession session, AcdQueueConfig queue)
    {
        var priority = session.CallerInfo?.IsVip == true ? VipPriority : 0;
        var call = new QueuedCall(this, session, priority);
        var entry = await Acd.EnqueueAsync(queue.Name, call, CancellationToken.None).ConfigureAwait(false);
        if (entry is null)
        {
            return new QueueExit(QueueExitReason.Empty);
        }
        session.QueueName = queue.Name;
        session.CallerHangupCause = CallEndCause.Abandoned;
        events.Publish(new CallQueued(session.CallId, events.Now, queue.Name, priority));
        var callback = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDigit(CallLeg leg, char digit)
        {
            if (queue.OfferCallback && digit == CallbackKey && ReferenceEquals(leg, session.Caller))
            {
                callback.TrySetResult();
            }
        }
        session.DigitPressed += OnDigit;
        using var abandon = session.Ending.Register(() => Acd.Abandon(entry));
        try
        {
            call.Announcements = AnnounceWhileWaitingAsync(session, queue, entry, call.Announcing);
            var first = await Task.WhenAny(entry.Exit, callback.Task).ConfigureAwait(false);
            if (first == callback.Task && !entry.Exit.IsCompleted)
            {
                await call.StopAnnouncementsAsync().ConfigureAwait(false);
                await TakeCallbackRequestAsync(session, entry, call).ConfigureAwait(false);
                return null;
            }
            var exit = await entry.Exit.ConfigureAwait(false);
            if (exit.Reason != QueueExitReason.Connected)
            {
                await call.StopAnnouncementsAsync().ConfigureAwait(false);
                session.StopPlaying(session.Caller);
            }
            return session.IsEnded ? null : exit;
        }
        finally
        {
            session.DigitPressed -= OnDigit;
        }
    }

    /// <summary>The queue priority of a VIP caller (others wait at 0).</summary>
    public const int VipPriority = 10;

    // Music, and every AnnounceInterval the caller's position and estimated wait, until the call leaves the queue.
    private async Task AnnounceWhileWaitingAsync(CallSession session, AcdQueueConfig queue, QueueEntry entry, CancellationToken stop)
    {
        try
        {
            if (queue.OfferCallback && await Prompts.OpenOptionalAsync("queue-callback-offer", stop).ConfigureAwait(false) is { } offer)
            {
                await session.PlayOnceAsync(session.Caller, PlayerFor(session.Caller), offer).WaitAsync(stop).ConfigureAwait(false);
            }
            // Music from the start; each announcement interrupts it and the music starts again after.
            while (true)
            {
                if (queue.AnnouncePosition && entry.Position > 0)
                {
                    var announcement = await PositionAnnouncementAsync(entry, stop).ConfigureAwait(false);
                    await session.PlayOnceAsync(session.Caller, PlayerFor(session.Caller), announcement).WaitAsync(stop).ConfigureAwait(false);
                    await StartHoldMusicAsync(session, session.Caller).ConfigureAwait(false);
                }
                else if (!session.IsPlaying(session.Caller))
                {
                    await StartHoldMusicAsync(session, session.Caller).ConfigureAwait(false);
                }
                await Task.Delay(queue.AnnounceInterval, time, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // "您前面还有 N 位, 预计等待 M 分钟": the parts a deployment recorded, the digits always (built-in: their DTMF tones).
    private async Task<IAudioSource> PositionAnnouncementAsync(QueueEntry entry, CancellationToken cancellationToken)
    {
        var parts = new List<IAudioSource>();
        async Task AddAsync(string name)
        {
            if (await Prompts.OpenOptionalAsync(name, cancellationToken).ConfigureAwait(false) is { } part)
            {
                parts.Add(part);
            }
        }
        await AddAsync("queue-position").ConfigureAwait(false);
        foreach (var digit in entry.Position.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            await AddAsync($"digit-{digit}").ConfigureAwait(false);
        }
        await AddAsync("queue-position-after").ConfigureAwait(false);
        var minutes = Math.Max(1, (int)Math.Ceiling(entry.EstimatedWait.TotalMinutes));
        if (await Prompts.OpenOptionalAsync("queue-wait", cancellationToken).ConfigureAwait(false) is { } wait)
        {
            parts.Add(wait);
            foreach (var digit in minutes.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                await AddAsync($"digit-{digit}").ConfigureAwait(false);
            }
            await AddAsync("queue-wait-after").ConfigureAwait(false);
        }
        return new SequenceAudioSource(parts);
    }

    // A single play on the leg's own player (announcements, greetings), in the leg's codec.
    private Func<MediaPlayer> PlayerFor(CallLeg leg)
    {
        var legMedia = leg.Media!;
        var audio = legMedia.Audio!;
        return () => new MediaPlayer(legMedia.Endpoint, services.GetRequiredService<Media.MediaClock>(), audio.Codec, audio.PayloadType);
    }

    // A message, then the engine hangs up (blacklist, queue overflow to hang-up, no voicemail box).
    private async Task RefuseWithMessageAsync(CallSession session, string prompt, CallEndCause cause)
    {
        if (!session.IsEnded && session.Caller.Media?.Audio is not null)
        {
            session.CallerHangupCause = cause;
            var message = await Prompts.OpenAsync(prompt, CancellationToken.None).ConfigureAwait(false);
            await session.PlayOnceAsync(session.Caller, PlayerFor(session.Caller), message).ConfigureAwait(false);
        }
        await EndAsync(session, CallParty.System, cause, null, CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 4014, Level = LogLevel.Information, Message = "Call {CallId} to queue {Queue} out of hours ({Hours}): voicemail")]
    private static partial void LogQueueClosed(ILogger logger, string callId, string queue, string hours);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Call {CallId} left queue {Queue} ({Reason}): overflow to {Kind} {Target}")]
    private static partial void LogQueueOverflow(ILogger logger, string callId, string queue, QueueExitReason reason, AcdOverflowKind kind, string? target);
}
