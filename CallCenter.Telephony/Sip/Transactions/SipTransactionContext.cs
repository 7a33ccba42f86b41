using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;

using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>What every transaction of one layer shares: the transport, the one scheduler, the timer values, logging.</summary>
internal sealed class SipTransactionContext(
    ISipTransport transport,
    SipTimerScheduler scheduler,
    SipTransactionTimers timers,
    ILogger logger,
    Action<SipServerTransaction> onServerTerminated,
    Action<SipClientTransaction> onClientTerminated)
{
    public ISipTransport Transport { get; } = transport;

    public SipTimerScheduler Scheduler { get; } = scheduler;

    public SipTransactionTimers Timers { get; } = timers;

    public ILogger Logger { get; } = logger;

    /// <summary>Told when an INVITE server transaction sends its 2xx, so the layer can match the ACK (RFC 3261 §13.3.1.4).</summary>
    public Action<SipInviteServerTransaction>? InviteAccepted { get; set; }

    public void OnServerTerminated(SipServerTransaction transaction) => onServerTerminated(transaction);

    public void OnClientTerminated(SipClientTransaction transaction) => onClientTerminated(transaction);

    public SipScheduledTimer Schedule(TimeSpan delay, Action callback) => Scheduler.Schedule(delay, callback);

    /// <summary>Sends from a timer or a state change without blocking it; failures are logged (RFC 3261 §17.2.4: the TU learns of them by timeout).</summary>
    public void SendResponseInBackground(SipResponse response, SipEndPoint requestSource) =>
        _ = SendResponseSafeAsync(response, requestSource);

    public void SendInBackground(SipMessage message, SipEndPoint destination) =>
        _ = SendSafeAsync(message, destination);

    private async Task SendResponseSafeAsync(SipResponse response, SipEndPoint requestSource)
    {
        try
        {
            await Transport.SendResponseAsync(response, requestSource, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SipSendException or ObjectDisposedException or InvalidOperationException)
        {
            SipTransactionLog.SendFailed(Logger, requestSource, ex.Message);
        }
    }

    private async Task SendSafeAsync(SipMessage message, SipEndPoint destination)
    {
        try
        {
            await Transport.SendAsync(message, destination, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SipSendException or ObjectDisposedException or InvalidOperationException)
        {
            SipTransactionLog.SendFailed(Logger, destination, ex.Message);
        }
    }
}
