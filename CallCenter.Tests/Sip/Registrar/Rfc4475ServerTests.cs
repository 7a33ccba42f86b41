using System.Text;

using CallCenter.Telephony.Sip.Messages;
using CallCenter.Tests.Sip.Messages;

namespace CallCenter.Tests.Sip.Registrar;

/// <summary>
/// The RFC 4475 corpus sent over UDP to a running server (registrar + UAS on 127.0.0.1), each with its
/// top Via rewritten to the test's socket: the application-layer files get the responses the MANIFEST
/// (section 3.3) names, the invalid ones 400 or nothing, and the server keeps answering.
/// </summary>
public sealed class Rfc4475ServerTests : IAsyncLifetime
{
    private static readonly TimeSpan s_answer = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_silence = TimeSpan.FromMilliseconds(400);

    private SipTestHost _host = null!;

    public async Task InitializeAsync()
    {
        var credentials = new InMemoryCredentialStore().Add("watson", "corpus").Add("user", "corpus").Add("j.user", "corpus");
        _host = await SipTestHost.StartAsync(credentials: credentials);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("insuf", 400)]
    [InlineData("unkscm", 416)]
    [InlineData("novelsc", 416)]
    [InlineData("unksm2", 400)]
    [InlineData("bext01", 420)]
    [InlineData("invut", 415)]
    [InlineData("regaut01", 401)]
    [InlineData("multi01", 400)]
    [InlineData("mcl01", 400)]
    [InlineData("zeromf", 200)]
    [InlineData("sdp01", 406)]
    [InlineData("badbranch", 200)]
    [InlineData("inv2543", 407)] // an INVITE to a user: the B2BUA asks for credentials first (RFC 3261 §22.3)
    [InlineData("cparam01", 401)]
    [InlineData("cparam02", 401)]
    [InlineData("regescrt", 401)]
    public void ApplicationLayerFileGetsItsResponse(string name, int expected)
    {
        using var peer = new SipUdpPeer(_host.UdpEndPoint);

        var response = peer.Exchange(peer.WithOwnVia(Rfc4475Corpus.Read(name), keepBranch: true), s_answer);

        Assert.NotNull(response);
        Assert.Equal(expected, response.StatusCode);
        switch (name)
        {
            case "bext01":
                Assert.Equal(["nothingSupportsThis", "nothingSupportsThisEither"], response.Headers.GetAll(SipHeaderNames.Unsupported));
                break;
            case "invut":
                Assert.Equal("application/sdp", response.Headers.Get(SipHeaderNames.Accept));
                break;
            case "regaut01":
                Assert.StartsWith("Digest ", response.Headers.Get(SipHeaderNames.WwwAuthenticate), StringComparison.Ordinal);
                break;
        }
    }

    [Theory]
    [InlineData("cparam01", "watson", "sip:+19725552222@gw1.example.net", ";unknownparam")]
    [InlineData("cparam02", "watson", "sip:+19725552222@gw1.example.net;unknownparam", "")]
    [InlineData("regescrt", "user", "sip:user@example.com?Route=%3Csip:sip.example.com%3E", "")]
    public void RegisterFileIsAcceptedAfterAuthenticationWithTheContactAsSent(string name, string user, string uri, string parameters)
    {
        using var peer = new SipUdpPeer(_host.UdpEndPoint);
        var message = Rfc4475Corpus.Read(name);
        var challenge = peer.Exchange(peer.WithOwnVia(message), s_answer);
        Assert.Equal(401, challenge!.StatusCode);
        var authorization = PhoneMessages.Authorize(
            challenge.Headers.Get(SipHeaderNames.WwwAuthenticate)!, user, "corpus", uri: "sip:example.com");

        // RFC 3261 §8.1.3.5: the retry with credentials is a new request, CSeq one up.
        var retry = System.Text.RegularExpressions.Regex.Replace(
            Encoding.Latin1.GetString(message), @"CSeq: (\d+)", m => $"CSeq: {long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}");
        var response = peer.Exchange(peer.WithOwnVia(WithHeader(Encoding.Latin1.GetBytes(retry), "Authorization: " + authorization)), s_answer);

        Assert.Equal(200, response!.StatusCode);
        var binding = Assert.Single(_host.Location.GetBindings(user));
        Assert.Equal(uri, binding.ContactUri);
        Assert.Equal(parameters, binding.ContactParameters);
    }

    [Fact]
    public void InvalidFilesGetBadRequestOrNothingAndTheServerStillAnswers()
    {
        var unexpected = new List<string>();
        foreach (var name in Rfc4475Corpus.Invalid.Append("bcast"))
        {
            using var peer = new SipUdpPeer(_host.UdpEndPoint);
            var response = peer.Exchange(peer.WithOwnVia(Rfc4475Corpus.Read(name)), s_silence);
            // 505 is the status RFC 3261 §21.5.7 gives a request of another SIP version (badvers).
            if (response is not null && response.StatusCode != 400 && !(name == "badvers" && response.StatusCode == 505))
            {
                unexpected.Add($"{name}: {response.StatusCode}");
            }
        }
        foreach (var name in Rfc4475Corpus.Valid)
        {
            using var peer = new SipUdpPeer(_host.UdpEndPoint);
            peer.Exchange(peer.WithOwnVia(Rfc4475Corpus.Read(name)), s_silence);
        }

        Assert.Empty(unexpected);
        Assert.Empty(_host.Location.RegisteredExtensions());
        using var probe = new SipUdpPeer(_host.UdpEndPoint);
        Assert.Equal(200, probe.Exchange(Options(probe), s_answer)?.StatusCode);
    }

    internal static string Options(SipUdpPeer peer) =>
        $"OPTIONS sip:127.0.0.1:{peer.LocalEndPoint.Port} SIP/2.0\r\n"
        + $"Via: SIP/2.0/UDP 127.0.0.1:{peer.LocalEndPoint.Port};rport;branch=z9hG4bK{Guid.NewGuid():N}\r\n"
        + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p1\r\nTo: <sip:127.0.0.1>\r\n"
        + $"Call-ID: {Guid.NewGuid():N}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

    // Adds a header line right after the start line.
    private static byte[] WithHeader(byte[] message, string line)
    {
        var firstLineEnd = Array.IndexOf(message, (byte)'\n') + 1;
        var insert = Encoding.ASCII.GetBytes(line + "\r\n");
        return [.. message.AsSpan(0, firstLineEnd), .. insert, .. message.AsSpan(firstLineEnd)];
    }
}
