using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Security;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Sip.Uas;

/// <summary>
/// The server's transaction user for requests outside a dialog: validates each request (RFC 3261 §8.2),
/// then answers it by method. REGISTER goes to the registrar, OPTIONS is answered with what we support
/// (§11.2), requests we do not serve yet get a final response (never silence). Requests from known
/// scanners are answered like any other (a transaction left unanswered would stay open) but reported
/// and counted towards a ban, after which the transport drops them unread.
/// </summary>
public sealed class SipRequestDispatcher(Registrar.Registrar registrar, SipSecurityMonitor security)
{
    /// <summary>Works out the final response to <paramref name="request"/>, or null for an ACK (never answered).</summary>
    /// <param name="request">The request.</param>
    /// <param name="source">Where it came from (the packet's source, not what Via claims).</param>
    /// <param name="toTag">The To tag for responses outside a dialog (RFC 3261 §8.2.6.2), the transaction's.</param>
    /// <param name="cancellationToken">Stops with the host.</param>
    public async ValueTask<SipResponse?> HandleAsync(SipRequest request, SipEndPoint source, string toTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        security.CheckUserAgent(source.EndPoint, request.Headers.Get(SipHeaderNames.UserAgent), request.Method);
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
}
