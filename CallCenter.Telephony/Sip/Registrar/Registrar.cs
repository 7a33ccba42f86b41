using System.Globalization;
using System.Text;

using CallCenter.Telephony.Sip.Auth;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Security;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Telephony.Sip.Uas;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Sip.Registrar;

/// <summary>
/// The registrar of RFC 3261 §10.3: authenticates a REGISTER with Digest (§22), checks that the user
/// may change this AOR, works out each contact's expiration and applies the change to the
/// <see cref="LocationService"/>; answers 200 with the bindings, or 400/401/403/423.
/// </summary>
public sealed partial class Registrar(
    DigestAuthenticator authenticator,
    LocationService location,
    SipSecurityMonitor security,
    IOptionsMonitor<RegistrarOptions> options,
    TimeProvider time,
    ILogger<Registrar> logger)
{
    /// <summary>Answers one REGISTER (already through <see cref="UasRequestValidator"/>).</summary>
    public async ValueTask<SipResponse> HandleAsync(SipRequest request, SipEndPoint source, string toTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        // RFC 3261 §10.3 step 5, checked before authentication since a 400 reveals nothing: the AOR is a
        // SIP or SIPS URI (RFC 4475 unksm2) and names a user.
        if (request.To?.Uri is not { IsSip: true, User: { Length: > 0 } aor })
        {
            return SipResponse.CreateFor(request, 400, "Bad Request (To Is Not A SIP URI With A User)", toTag);
        }
        var contacts = request.Contacts;
        var wildcard = contacts.Any(c => c.IsWildcard);
        // RFC 3261 §10.3 step 6: "*" only alone and only with Expires: 0.
        if (wildcard && (contacts.Count > 1 || request.Expires != 0))
        {
            return SipResponse.CreateFor(request, 400, "Bad Request (Wildcard Contact Needs Expires 0)", toTag);
        }

        var auth = await authenticator.AuthenticateAsync(
            SipMethods.Register, request.RequestUri.ToString(), request.Headers.GetAll(SipHeaderNames.Authorization), cancellationToken)
            .ConfigureAwait(false);
        if (!auth.IsAuthenticated)
        {
            if (auth.Status == DigestAuthStatus.Failed)
            {
                security.ReportAuthFailure(source.EndPoint, auth.User, auth.FailureReason ?? "failed");
            }
            var challenge = SipResponse.CreateFor(request, 401, null, toTag);
            foreach (var value in auth.Challenges)
            {
                challenge.Headers.Add(SipHeaderNames.WwwAuthenticate, value);
            }
            return challenge;
        }
        // RFC 3261 §10.3 step 3: the authenticated user may change only its own bindings.
        if (!string.Equals(auth.User, aor, StringComparison.Ordinal))
        {
            return SipResponse.CreateFor(request, 403, "Forbidden (Not Your Address-Of-Record)", toTag);
        }

        var settings = options.CurrentValue;
        var updates = new List<ContactUpdate>(contacts.Count);
        if (!wildcard)
        {
            foreach (var contact in contacts)
            {
                var expires = contact.Expires ?? request.Expires ?? settings.DefaultExpiresSeconds;
                // RFC 3261 §10.3 step 7: refuse a non-zero interval below the minimum with 423 and Min-Expires.
                if (expires > 0 && expires < settings.MinExpiresSeconds)
                {
                    var tooBrief = SipResponse.CreateFor(request, 423, null, toTag);
                    tooBrief.Headers.Add(SipHeaderNames.MinExpires, settings.MinExpiresSeconds.ToString(CultureInfo.InvariantCulture));
                    return tooBrief;
                }
                var granted = (int)Math.Min(expires, settings.MaxExpiresSeconds);
                updates.Add(new ContactUpdate(contact.Uri!.ToString(), OtherParameters(contact), granted));
            }
        }

        var registration = new RegistrationRequest
        {
            Extension = aor,
            CallId = request.CallId!,
            CSeq = request.CSeq!.Value.Number,
            Source = source,
            UserAgent = request.Headers.Get(SipHeaderNames.UserAgent),
            RemoveAll = wildcard,
            Contacts = updates,
        };
        var outcome = location.Apply(registration, out var bindings);
        LogRegister(logger, aor, source.ToString(), outcome, bindings.Count);
        return outcome switch
        {
            RegistrationOutcome.OutOfOrder => SipResponse.CreateFor(request, 400, "Bad Request (Out-Of-Order CSeq)", toTag),
            RegistrationOutcome.TooManyContacts => SipResponse.CreateFor(request, 403, "Forbidden (Too Many Contacts)", toTag),
            _ => Accepted(request, toTag, bindings),
        };
    }

    // RFC 3261 §10.3 step 8: 200 with every current binding and its remaining time, and a Date.
    private SipResponse Accepted(SipRequest request, string toTag, IReadOnlyList<SipBinding> bindings)
    {
        var now = time.GetUtcNow();
        var response = SipResponse.CreateFor(request, 200, null, toTag);
        foreach (var binding in bindings)
        {
            response.Headers.Add(
                SipHeaderNames.Contact,
                $"<{binding.ContactUri}>{binding.ContactParameters};expires={binding.RemainingSeconds(now).ToString(CultureInfo.InvariantCulture)}");
        }
        response.Headers.Add(SipHeaderNames.Date, now.ToString("r", CultureInfo.InvariantCulture));
        return response;
    }

    // The contact's header parameters as sent, but expires, which the registrar sets (RFC 4475 cparam01: kept).
    private static string OtherParameters(SipNameAddress contact)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in contact.Parameters)
        {
            if (name.Equals("expires", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            builder.Append(';').Append(name);
            if (value is not null)
            {
                builder.Append('=').Append(value);
            }
        }
        return builder.ToString();
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "REGISTER {Extension} from {Source}: {Outcome}, {Bindings} binding(s)")]
    private static partial void LogRegister(ILogger logger, string extension, string source, RegistrationOutcome outcome, int bindings);
}
