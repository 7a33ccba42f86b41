using System.Security.Cryptography;

using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Security;

namespace CallCenter.Telephony.Sip.Uas;

/// <summary>
/// The server's transaction user for requests outside a dialog: validates each request (RFC 3261 §8.2),
/// then answers it by method. REGISTER goes to the registrar, OPTIONS is answered with what we support
/// (§11.2), requests we do not serve yet get a final response (never silence). Returns null only where
/// no response is due: ACK, and requests from known scanners (dropped on purpose).
/// </summary>
public sealed class SipRequestDispatcher(Registrar.Registrar registrar, SipSecurityMonitor security)
{
    /// <summary>Works out the final response to <paramref name="request"/>, or null when none is sent.</summary>
    public async ValueTask<SipResponse?> HandleAsync(SipRequest request, SipSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        if (security.CheckUserAgent(source.RemoteEndPoint, request.Headers.Get(SipHeaderNames.UserAgent), request.Method))
        {
            // A scanner learns nothing from silence: not even that a SIP server listens here.
            return null;
        }
        // RFC 3261 §8.2.6.2: a UAS adds a To tag to responses outside a dialog.
        var toTag = NewTag();
        if (UasRequestValidator.Validate(request, toTag) is { } rejection)
        {
            return rejection;
        }
        switch (request.Method)
        {
            case SipMethods.Ack:
                // RFC 3261 §17.2.1: ACK for a non-2xx is absorbed by the transaction; an ACK that reaches us has no response.
                return null;
            case SipMethods.Register:
                return await registrar.HandleAsync(request, source, toTag, cancellationToken).ConfigureAwait(false);
            case SipMethods.Options:
                // RFC 3261 §11.2 (and RFC 4475 zeromf: Max-Forwards 0 addressed to us is answered here).
                var options = SipResponse.CreateFor(request, 200, null, toTag);
                options.Headers.Add(SipHeaderNames.Allow, SipServerCapabilities.Allow);
                options.Headers.Add(SipHeaderNames.Accept, SipServerCapabilities.Accept);
                options.Headers.Add(SipHeaderNames.Supported, SipServerCapabilities.Supported);
                return options;
            case SipMethods.Invite:
                // Calls are the B2BUA's (a later step): until then nobody is reachable (RFC 3261 §21.4.18).
                return SipResponse.CreateFor(request, 480, null, toTag);
            case SipMethods.Bye or SipMethods.Cancel:
                // No dialog or transaction of ours can match yet (RFC 3261 §15.1.2, §9.2).
                return SipResponse.CreateFor(request, 481, null, toTag);
            default:
                // RFC 3261 §8.2.1: 405 with Allow for a method we know but do not serve, 501 for one we do not know.
                if (!SipServerCapabilities.IsKnownMethod(request.Method))
                {
                    return SipResponse.CreateFor(request, 501, null, toTag);
                }
                var notAllowed = SipResponse.CreateFor(request, 405, null, toTag);
                notAllowed.Headers.Add(SipHeaderNames.Allow, SipServerCapabilities.Allow);
                return notAllowed;
        }
    }

    // RFC 3261 §19.3: a tag with at least 32 bits of randomness.
    private static string NewTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
