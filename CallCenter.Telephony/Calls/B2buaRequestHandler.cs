using System.Text;

using CallCenter.Telephony.Events;
using CallCenter.Telephony.Hosting;
using CallCenter.Telephony.Media;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sip.Auth;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Registrar;
using CallCenter.Telephony.Sip.Security;
using CallCenter.Telephony.Sip.Transactions;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Telephony.Sip.Uas;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Calls;

/// <summary>
/// The back-to-back user agent (RFC 3261 §6 "B2BUA", RFC 7092): takes new INVITEs (the caller's A leg),
/// authenticates them and routes them through the <see cref="IDialPlan"/>, places the B leg to a registered extension or answers itself (echo
/// test), serves the requests inside its calls' dialogs (BYE, re-INVITE, UPDATE, INFO) and publishes every step
/// of its calls on the <see cref="CallEventStream"/>. Requests it
/// does not own (other methods, dialogs that are not its calls, invalid requests) go on to the server's
/// own handler, so it is registered before <see cref="SipServerRequestHandler"/>.
/// </summary>
public sealed partial class B2buaRequestHandler(
    IServiceProvider services,
    ISipTransport transport,
    DigestAuthenticator authenticator,
    SipSecurityMonitor security,
    LocationService location,
    IDialPlan dialPlan,
    ITrunkDirectory trunks,
    CallRegistry calls,
    CallEventStream events,
    IOptionsMonitor<SipOptions> sipOptions,
    IMediaFactory media,
    IOptionsMonitor<CallOptions> callOptions,
    TimeProvider time,
    ILogger<B2buaRequestHandler> logger) : ISipRequestHandler
{
    private ISipTransactionLayer? _transactions;

    // The transaction layer is built from the request handlers, this one among them: resolved on first use.
    private ISipTransactionLayer Transactions => _transactions ??= services.GetRequiredService<ISipTransactionLayer>();

    /// <inheritdoc />
    public IReadOnlyCollection<string> SupportedMethods { get; } =
        [SipMethods.Invite, SipMethods.Ack, SipMethods.Bye, SipMethods.Cancel, SipMethods.Update, SipMethods.Info, SipMethods.Refer];

    /// <inheritdoc />
    public Task<bool> OnRequestAsync(SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(request);
        if (request.To?.Tag is not null)
        {
            // RFC 3261 §12.2.2: a request with a To tag belongs to a dialog; ours are the calls' legs.
            return calls.FindLeg(request) is { } leg
                ? OnInDialogRequestAsync(leg, transaction, request, cancellationToken)
                : Task.FromResult(false);
        }
        if (request.Method != SipMethods.Invite || UasRequestValidator.Validate(request, transaction.LocalTag) is not null
            || request.RequestUri is not { IsSip: true, User: { Length: > 0 } })
        {
            // Not a new call, or one the server's handler rejects (RFC 3261 §8.2) or cannot route (480).
            return Task.FromResult(false);
        }
        return OnInviteAsync(transaction, request, cancellationToken);
    }

    /// <summary>Our Contact (RFC 3261 §8.1.1.8) for a leg reached over <paramref name="destination"/>'s transport.</summary>
    private string OurContact(SipEndPoint destination)
    {
        var uri = $"sip:{transport.AdvertisedHost}:{transport.AdvertisedPort}";
        return destination.IsReliable ? $"<{uri};transport=tcp>" : $"<{uri}>";
    }

    /// <summary>A response to the caller with our To tag and, for 1xx/2xx, our Contact (RFC 3261 §12.1.1).</summary>
    private SipResponse ResponseTo(SipServerTransaction transaction, int statusCode, ReadOnlyMemory<byte> sdp = default, string? reason = null)
    {
        var response = SipResponse.CreateFor(transaction.Request, statusCode, reason, transaction.LocalTag);
        if (statusCode < 300)
        {
            response.Headers.Add(SipHeaderNames.Contact, OurContact(transaction.Source));
        }
        if (!sdp.IsEmpty)
        {
            response.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
            response.Body = sdp;
        }
        return response;
    }

    /// <summary>Sends a response, tolerating a transaction that has its final response already (a CANCEL raced it).</summary>
    private async ValueTask<bool> TrySendAsync(SipServerTransaction transaction, SipResponse response, CancellationToken cancellationToken)
    {
        try
        {
            await transaction.SendResponseAsync(response, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string BodyText(SipMessage message) => Encoding.UTF8.GetString(message.Body.Span);

    private static bool HasSdp(SipMessage message) =>
        !message.Body.IsEmpty && message.ContentType is { } type && string.Equals(type.MediaType, "application/sdp", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Call {CallId} {From} -> {To} ended: {Cause}, hung up by {Party}")]
    private static partial void LogEnded(ILogger logger, string callId, string from, string to, string cause, CallParty party);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Call {CallId} {From} -> {To}: the dial plan's target {Kind} {Key} is not served by the B2BUA yet; answered 480")]
    private static partial void LogTargetNotServed(ILogger logger, string callId, string from, string to, RouteTargetKind kind, string? key);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Call {CallId}: {Step} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string callId, string step);
}
