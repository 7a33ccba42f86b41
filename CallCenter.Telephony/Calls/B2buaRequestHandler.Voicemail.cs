using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Voicemail;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    private const char FinishMessageKey = '#';

    private IVoicemailStore VoicemailStore => services.GetRequiredService<IVoicemailStore>();

    // 自动留言: greeting, beep, then the caller's audio into the box's file until '#', the maximum length, or the
    // caller hanging up; the engine then hangs up. False (nothing played) when the box does not exist.
    private async Task<bool> TakeVoicemailAsync(CallSession session, VoicemailBox box)
    {
        if (session.IsEnded || session.Caller.Media?.Audio is null
            || await VoicemailStore.CreateAsync(box, session.CallId, session.From, CancellationToken.None).ConfigureAwait(false) is not { } ticket)
        {
            return false;
        }
        await RecordVoicemailAsync(session, box, ticket).ConfigureAwait(false);
        return true;
    }

    private async Task RecordVoicemailAsync(CallSession session, VoicemailBox box, VoicemailTicket ticket)
    {
        session.CallerHangupCause = CallEndCause.Voicemail;
        session.StopPlaying(session.Caller);
        ListenToCaller(session);
        if (await Prompts.OpenOptionalAsync("voicemail-greeting", CancellationToken.None).ConfigureAwait(false) is { } greeting)
        {
            await session.PlayOnceAsync(session.Caller, PlayerFor(session.Caller), greeting).ConfigureAwait(false);
        }
        // The message starts where the beep ends, counted in the caller's own samples from the beep's start: waiting
        // for the player's completion instead would lose the first words whenever the thread pool is slow to say so.
        var beep = Tones.Beep();
        var maxLength = TimeSpan.FromSeconds(services.GetRequiredService<IOptionsMonitor<VoicemailOptions>>().CurrentValue.MaxSeconds);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDigit(CallLeg leg, char digit)
        {
            if (digit == FinishMessageKey)
            {
                finished.TrySetResult();
            }
        }
        var writer = new VoicemailWriter(ticket.FilePath, maxLength, skip: TimeSpan.FromMilliseconds(Tones.BeepMilliseconds));
        session.DigitPressed += OnDigit;
        session.Listener!.Recorder = writer;
        try
        {
            await session.PlayOnceAsync(session.Caller, PlayerFor(session.Caller), beep).ConfigureAwait(false);
            using var ended = session.Ending.Register(() => finished.TrySetResult());
            await finished.Task.WaitAsync(maxLength, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The maximum length: the message is kept as it is.
        }
        finally
        {
            session.DigitPressed -= OnDigit;
            session.Listener!.Recorder = null;
        }
        var length = await writer.CompleteAsync().ConfigureAwait(false);
        await VoicemailStore.CompleteAsync(ticket, length, CancellationToken.None).ConfigureAwait(false);
        LogVoicemail(logger, session.Id, box.Key, length.TotalSeconds);
        if (!session.IsEnded)
        {
            await session.PlayOnceAsync(session.Caller, PlayerFor(session.Caller), Tones.Beep()).ConfigureAwait(false);
            await EndAsync(session, CallParty.System, CallEndCause.Voicemail, null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    // *97: the agent's own box. The new messages, then the heard ones, each after a beep and marked heard once
    // played; '#' skips to the next. A double beep and the engine hangs up at the end.
    private async Task PlayVoicemailBoxAsync(CallSession session, string extension)
    {
        var messages = await VoicemailStore.ListAsync(extension, CancellationToken.None).ConfigureAwait(false);
        // '#' stops the message playing, which ends its wait: the next one starts.
        void OnDigit(CallLeg leg, char digit)
        {
            if (digit == FinishMessageKey)
            {
                session.StopPlaying(session.Caller);
            }
        }
        session.DigitPressed += OnDigit;
        try
        {
            foreach (var message in messages)
            {
                if (session.IsEnded)
                {
                    return;
                }
                await session.PlayOnceAsync(session.Caller, PlayerFor(session.Caller), Tones.Beep()).ConfigureAwait(false);
                var bytes = await File.ReadAllBytesAsync(message.FilePath, CancellationToken.None).ConfigureAwait(false);
                if (WavReader.TryRead(bytes, out var samples, out _))
                {
                    await session.PlayOnceAsync(session.Caller, PlayerFor(session.Caller), new PcmAudioSource(samples!)).ConfigureAwait(false);
                }
                if (message.IsNew)
                {
                    await VoicemailStore.MarkHeardAsync(message.MessageId, CancellationToken.None).ConfigureAwait(false);
                }
            }
            await session.PlayOnceAsync(session.Caller, PlayerFor(session.Caller), new ToneSource(Tones.BeepFrequencyHz, 150, 150, 600)).ConfigureAwait(false);
        }
        finally
        {
            session.DigitPressed -= OnDigit;
        }
    }

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Call {CallId}: voicemail left in box {Box}, {Seconds:0.0} s")]
    private static partial void LogVoicemail(ILogger logger, string callId, string box, double seconds);
}
