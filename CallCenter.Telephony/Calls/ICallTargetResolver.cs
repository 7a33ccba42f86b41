namespace CallCenter.Telephony.Calls;

/// <summary>
/// Decides where a dialled number goes. Stand-in for the routing port (IDialPlan/ICallRouter) that Core
/// implements; the B2BUA switches to that port once it is merged.
/// </summary>
public interface ICallTargetResolver
{
    /// <summary>Resolves <paramref name="number"/> dialled by <paramref name="caller"/> (null when unauthenticated).</summary>
    ValueTask<CallTarget> ResolveAsync(string number, string? caller, CancellationToken cancellationToken);
}
