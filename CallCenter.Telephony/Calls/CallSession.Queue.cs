using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;

namespace CallCenter.Telephony.Calls;

public sealed partial class CallSession
{
    /// <summary>What caller identification found, once asked (calls to queues and extensions from outside).</summary>
    public CallerInfo? CallerInfo { get; set; }

    /// <summary>The queue the call came through last, once it joined one (its agent's wrap-up and recording rules).</summary>
    public string? QueueName { get; set; }

    /// <summary>
    /// Why the call ends if the caller hangs up now: normal once talking, abandoned while it waits in a queue,
    /// voicemail while it leaves a message.
    /// </summary>
    public CallEndCause CallerHangupCause { get; set; } = CallEndCause.Normal;

    /// <summary>Listens to the caller's leg while it talks to the engine (queue, voicemail, feature code).</summary>
    internal LegListener? Listener { get; set; }

    /// <summary>A key the caller pressed (any method), for the flow that waits for it; raised where the digit is published.</summary>
    public event Action<CallLeg, char>? DigitPressed;

    internal void RaiseDigit(CallLeg leg, char digit) => DigitPressed?.Invoke(leg, digit);
}
