using System.Globalization;
using System.Security.Cryptography;

using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sip.Auth;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transactions;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Trunks;

/// <summary>
/// One trunk's REGISTER client (RFC 3261 §10.2): one Call-ID and From tag for all its REGISTERs, CSeq
/// growing by one per request, a 401/407 answered once per attempt with digest credentials.
/// </summary>
internal sealed class TrunkRegistrationClient(TrunkConfig trunk, ISipTransactionLayer transactions, ISipTransport transport)
{
    private readonly string _callId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "@" + transport.AdvertisedHost;
    private readonly string _fromTag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    private int _cseq;

    public TrunkConfig Trunk { get; } = trunk;

    /// <summary>Sends REGISTER with <paramref name="expires"/> (0: un-register), answering one challenge; the final response.</summary>
    public async Task<SipResponse> RegisterAsync(int expires, CancellationToken cancellationToken)
    {
        var destination = await TrunkEndPoints.ResolveAsync(Trunk, cancellationToken).ConfigureAwait(false);
        var response = await transactions.SendRequestAsync(Create(expires, destination, null), destination, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is 401 or 407 && Trunk.Username is { Length: > 0 } user)
        {
            var answer = DigestClient.Answer(response, SipMethods.Register, RequestUri, user, Trunk.Password ?? "");
            if (answer is { } header)
            {
                response = await transactions.SendRequestAsync(Create(expires, destination, header), destination, null, cancellationToken).ConfigureAwait(false);
            }
        }
        return response;
    }

    /// <summary>The lifetime the registrar granted (RFC 3261 §10.2.4): our Contact's expires, else Expires, else what we asked.</summary>
    public static int GrantedExpires(SipResponse response, int asked)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var contact in response.Headers.GetAll(SipHeaderNames.Contact))
        {
            var index = contact.IndexOf(";expires=", StringComparison.OrdinalIgnoreCase);
            if (index >= 0)
            {
                var digits = new string(contact.AsSpan(index + 9).ToArray().TakeWhile(char.IsAsciiDigit).ToArray());
                if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }
            }
        }
        return response.Expires is { } header ? (int)Math.Min(header, int.MaxValue) : asked;
    }

    private string RequestUri => "sip:" + TrunkEndPoints.Domain(Trunk);

    private SipRequest Create(int expires, SipEndPoint destination, (string Name, string Value)? authorization)
    {
        var aor = $"<sip:{Trunk.Username ?? "anonymous"}@{TrunkEndPoints.Domain(Trunk)}>";
        var request = new SipRequest(SipMethods.Register, SipUri.Parse(RequestUri));
        var headers = request.Headers;
        headers.Add(SipHeaderNames.MaxForwards, "70");
        headers.Add(SipHeaderNames.From, $"{aor};tag={_fromTag}");
        headers.Add(SipHeaderNames.To, aor);
        headers.Add(SipHeaderNames.CallId, _callId);
        headers.Add(SipHeaderNames.CSeq, $"{Interlocked.Increment(ref _cseq).ToString(CultureInfo.InvariantCulture)} REGISTER");
        var contact = $"sip:{Trunk.Username ?? "callcenter"}@{transport.AdvertisedHost}:{transport.AdvertisedPort.ToString(CultureInfo.InvariantCulture)}";
        headers.Add(SipHeaderNames.Contact, destination.IsReliable ? $"<{contact};transport=tcp>" : $"<{contact}>");
        headers.Add(SipHeaderNames.Expires, expires.ToString(CultureInfo.InvariantCulture));
        if (authorization is { } header)
        {
            headers.Add(header.Name, header.Value);
        }
        return request;
    }
}
