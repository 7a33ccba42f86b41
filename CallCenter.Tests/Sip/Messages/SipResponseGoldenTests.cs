using System.Text;
using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Tests.Sip.Messages;

/// <summary>Responses we build, compared with golden files (canonical form: full names, CRLF, Content-Length).</summary>
public class SipResponseGoldenTests
{
    private const string Register =
        "REGISTER sip:example.com SIP/2.0\r\n" +
        "v: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKproxy1\r\n" +
        "Max-Forwards: 70\r\n" +
        "t: <sip:1001@example.com>\r\n" +
        "f: \"Agent 1001\" <sip:1001@example.com>;tag=a73kszlfl\r\n" +
        "i: 1j9FpLxk3uxtm8tn@192.0.2.10\r\n" +
        "CSeq: 2 REGISTER\r\n" +
        "m: <sip:1001@192.0.2.10:5060>\r\n" +
        "Expires: 3600\r\n" +
        "Timestamp: 54\r\n" +
        "l: 0\r\n\r\n";

    private static SipRequest Request(string text)
    {
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error), error.ToString());
        return (SipRequest)message!;
    }

    private static void AssertGolden(string name, SipMessage message)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Sip", "Messages", "Golden", name + ".txt");
        if (Environment.GetEnvironmentVariable("SIP_GOLDEN_UPDATE") == "1")
        {
            // Regenerates the golden file in the source tree; review the diff before committing it.
            File.WriteAllBytes(Path.Combine(FindSourceGolden(), name + ".txt"), message.ToArray());
            return;
        }
        var expected = File.ReadAllText(path).ReplaceLineEndings("\r\n");
        Assert.Equal(expected, Encoding.UTF8.GetString(message.ToArray()));
        Assert.True(SipMessageParser.TryParse(message.ToArray(), out _, out var error), error.ToString());
    }

    private static string FindSourceGolden()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "CallCenter.Tests", "Sip", "Messages", "Golden");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("CallCenter.Tests/Sip/Messages/Golden");
    }

    [Fact]
    public void RegisterOkCarriesContactAndExpires()
    {
        var request = Request(Register);
        var response = SipResponse.CreateFor(request, 200, toTag: "37GkEhwl6");
        response.Headers.Add(SipHeaderNames.Contact, request.Contacts[0].WithParameter("expires", "3600").ToString());
        response.Headers.Add(SipHeaderNames.Date, "Sat, 13 Nov 2010 23:29:00 GMT");
        AssertGolden("register-200", response);
        Assert.Equal("37GkEhwl6", response.To!.Tag);
        Assert.Equal(2, response.Vias.Count);
    }

    [Fact]
    public void UnauthorizedCarriesTheChallenge()
    {
        var response = SipResponse.CreateFor(Request(Register), 401, toTag: "37GkEhwl6");
        response.Headers.Add(SipHeaderNames.WwwAuthenticate,
            "Digest realm=\"example.com\", nonce=\"ea9c8e88df84f1cec4341ae6cbe5a359\", algorithm=MD5, qop=\"auth\"");
        AssertGolden("register-401", response);
        Assert.Equal(1, response.Headers.CountOf("WWW-Authenticate"));
    }

    [Fact]
    public void TryingCopiesTimestampAndNoTag()
    {
        var response = SipResponse.CreateFor(Request(Register.Replace("REGISTER", "INVITE")), 100, toTag: "ignored");
        AssertGolden("invite-100", response);
        Assert.Null(response.To!.Tag);
    }

    [Fact]
    public void OptionsOkListsCapabilities()
    {
        var options = Register.Replace("REGISTER", "OPTIONS").Replace("Expires: 3600\r\n", "Accept: application/sdp\r\n");
        var response = SipResponse.CreateFor(Request(options), 200, toTag: "opt1");
        response.Headers.Add(SipHeaderNames.Allow, "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER");
        response.Headers.Add(SipHeaderNames.Accept, "application/sdp");
        response.Headers.Add(SipHeaderNames.Supported, "replaces");
        AssertGolden("options-200", response);
    }

    [Fact]
    public void ChangingAHeaderRefreshesTheTypedValue()
    {
        var request = Request(Register);
        Assert.Equal(3600, request.Expires);
        request.Headers.Set("expires", "60");
        Assert.Equal(60, request.Expires);
        var via = request.TopVia!;
        via.Parameters.Set("received", "203.0.113.9");
        request.Headers.SetValueAt(0, via.ToString());
        Assert.Equal("203.0.113.9", request.TopVia!.Received);
        request.Headers.Insert(0, "v", "SIP/2.0/TCP 198.51.100.1;branch=z9hG4bKnew");
        Assert.Equal("TCP", request.TopVia!.Transport);
        Assert.Equal(3, request.Vias.Count);
    }
}
