namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>A pending timer of <see cref="SipTimerScheduler"/>; cancelling it is cheap and idempotent.</summary>
public sealed class SipScheduledTimer
{
    private Action? _callback;

    internal SipScheduledTimer(Action callback) => _callback = callback;

    /// <summary>True once cancelled or run.</summary>
    public bool IsCancelled => Volatile.Read(ref _callback) is null;

    /// <summary>Stops the timer if it has not run yet.</summary>
    public void Cancel() => Volatile.Write(ref _callback, null);

    internal void Run()
    {
        var callback = Interlocked.Exchange(ref _callback, null);
        if (callback is null)
        {
            return;
        }
        try
        {
            callback();
        }
        catch (Exception)
        {
            // A transaction's timer must never take the scheduler down; transactions log their own failures.
        }
    }
}
