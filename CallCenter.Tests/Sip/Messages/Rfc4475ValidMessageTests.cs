using System.Text;
using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Tests.Sip.Messages;

/// <summary>RFC 4475 §3.1.1: valid messages parse with every field reachable.</summary>
public class Rfc4475ValidMessageTests
{
    private static T Parse<T>(string name) where T : SipMessage
    {
        Assert.True(SipMessageParser.TryParse(Rfc4475Corpus.Read(name), out var message, out var error), $"{name}: {error}");
        Assert.Equal(SipParseError.None, error);
        return Assert.IsAssignableFrom<T>(message);
    }

    [Fact]
    public void WsinvFoldedLinesAndOddWhiteSpaceParse()
    {
        var m = Parse<SipRequest>("wsinv");
        Assert.Equal("INVITE", m.Method);
        Assert.Equal("sip:vivekg@chair-dnrc.example.com;unknownparam", m.RequestUri.ToString());
        Assert.Equal("1918181833n", m.To!.Tag);
        Assert.Equal("J Rosenberg \\\"", m.From!.DisplayName);
        Assert.Equal("98asjd8", m.From.Tag);
        Assert.Equal(68, m.MaxForwards);
        Assert.Equal(new SipCSeq(9, "INVITE"), m.CSeq);
        Assert.Equal(3, m.Vias.Count);
        Assert.Equal("UDP", m.TopVia!.Transport);
        Assert.Equal("192.0.2.2", m.TopVia.Host);
        Assert.Equal("390skdjuw", m.TopVia.Branch);
        Assert.Equal("TCP", m.Vias[1].Transport);
        Assert.Equal("z9hG4bK9ikj8", m.Vias[1].Branch);
        Assert.Equal("z9hG4bK30239", m.Vias[2].Branch);
        Assert.Equal("192.168.255.111", m.Vias[2].Host);
        Assert.Equal("", m.Headers.Get("Subject"));
        Assert.Equal("newfangled value continued newfangled value", m.Headers.Get("NewFangledHeader"));
        Assert.Equal(";;,,;;,;", m.Headers.Get("UnknownHeaderWithUnusualValue"));
        Assert.True(m.Route.Single().Uri!.IsLooseRouter);
        var contact = Assert.Single(m.Contacts);
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal("newvalue", contact.Parameters["newparam"]);
        Assert.Equal("0.33", contact.Parameters["q"]);
        Assert.Equal(150, m.ContentLength);
        Assert.Equal(150, m.Body.Length);
        Assert.Equal("application/sdp", m.ContentType!.MediaType);
    }

    [Fact]
    public void IntmethUnusualTokensParse()
    {
        var m = Parse<SipRequest>("intmeth");
        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", m.Method);
        Assert.Equal(m.Method, m.CSeq!.Value.Method);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", m.RequestUri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", m.RequestUri.Password);
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", m.CallId);
        Assert.Equal("_token~1'+`*%!-.", m.From!.Tag);
        Assert.Equal("token1~` token2'+_ token3*%!.-", m.From.DisplayName);
        Assert.Equal("BEL:\a NUL:\0 DEL:\x7f", m.To!.DisplayName);
        Assert.Equal(255, m.MaxForwards);
        Assert.Equal(1, m.Headers.CountOf("extensionHeader-!.%*+_`'~"));
    }

    [Fact]
    public void Esc01EscapesAreKeptRawAndUnescaped()
    {
        var m = Parse<SipRequest>("esc01");
        Assert.Equal("sips:user@example.com", m.RequestUri.User);
        Assert.Equal("sips%3Auser%40example.com", m.RequestUri.RawUser);
        Assert.Equal("user", m.To!.Uri!.User);
        Assert.Equal("I have spaces", m.From!.Uri!.User);
        Assert.Equal("caller", m.Contacts[0].Uri!.User);
        Assert.Equal("v%61lue%25%34%31", m.Contacts[0].Uri!.Parameters["n%61me"]);
        Assert.Equal("esc01.239409asdfakjkn23onasd0-3234", m.CallId);
        Assert.Equal("application/sdp", m.ContentType!.MediaType);
    }

    [Fact]
    public void EscnullKeepsTheEscapedNul()
    {
        var m = Parse<SipRequest>("escnull");
        Assert.Equal("null-\0-null", m.To!.Uri!.User);
        Assert.Equal("null-%00-null", m.To.Uri.RawUser);
        Assert.Equal(2, m.Contacts.Count);
        Assert.Equal("\0\0", m.Contacts[1].Uri!.User);
        Assert.Equal(0, m.Body.Length);
    }

    [Fact]
    public void Esc02EscapesInMethodAndHeaderNamesAreNotResolved()
    {
        var m = Parse<SipRequest>("esc02");
        Assert.Equal("RE%47IST%45R", m.Method);
        Assert.Equal("%Z%45", m.From!.DisplayName);
        Assert.Equal(2, m.Contacts.Count);
        Assert.Equal(1, m.Headers.CountOf("C%6Fntact"));
        Assert.Equal("z9hG4bK209%fzsnel234", m.TopVia!.Branch);
    }

    [Fact]
    public void LwsdispNoSpaceBeforeAngleBracket()
    {
        var m = Parse<SipRequest>("lwsdisp");
        Assert.Equal("caller", m.From!.DisplayName);
        Assert.Equal("sip:caller@example.com", m.From.Uri!.ToString());
    }

    [Fact]
    public void LongreqLongValuesAndManyVias()
    {
        var m = Parse<SipRequest>("longreq");
        Assert.True(m.Vias.Count >= 30, m.Vias.Count.ToString());
        Assert.Contains("extremeextreme", m.To!.DisplayName);
        Assert.Equal("shortvalue", m.To.Uri!.Parameters.First(p => p.Key.StartsWith("longparamname")).Value);
        Assert.Equal(m.ContentLength, m.Body.Length);
    }

    [Fact]
    public void DblreqOnlyTheFirstRequestIsTaken()
    {
        var m = Parse<SipRequest>("dblreq");
        Assert.Equal("REGISTER", m.Method);
        Assert.Equal(0, m.Body.Length);
    }

    [Fact]
    public void SemiuriSemicolonsInTheUserPart()
    {
        var m = Parse<SipRequest>("semiuri");
        Assert.Equal("user;par=u@example.net", m.RequestUri.User);
        Assert.Equal("example.com", m.RequestUri.Host);
        Assert.Equal(6, m.Accept.Count);
        Assert.Equal("sipfrag", m.Accept[5].Subtype);
    }

    [Fact]
    public void TransportsUnknownTransportsInVia()
    {
        var m = Parse<SipRequest>("transports");
        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], m.Vias.Select(v => v.Transport));
    }

    [Fact]
    public void Mpart01MultipartBodyBytesAreKept()
    {
        var data = Rfc4475Corpus.Read("mpart01");
        var m = Parse<SipRequest>("mpart01");
        Assert.Equal("multipart", m.ContentType!.Type);
        Assert.NotNull(m.ContentType.Parameters["boundary"]);
        Assert.Equal(m.ContentLength, m.Body.Length);
        Assert.True(data.AsSpan().EndsWith(m.Body.Span) || data.AsSpan().IndexOf(m.Body.Span) > 0);
    }

    [Fact]
    public void UnreasonUtf8ReasonPhrase()
    {
        var m = Parse<SipResponse>("unreason");
        Assert.Equal(200, m.StatusCode);
        Assert.StartsWith("= 2**3 * 5**2 но ", m.ReasonPhrase);
        Assert.Equal(new SipCSeq(35, "INVITE"), m.CSeq);
    }

    [Fact]
    public void NoreasonEmptyReasonPhrase()
    {
        var m = Parse<SipResponse>("noreason");
        Assert.Equal(100, m.StatusCode);
        Assert.Equal("", m.ReasonPhrase);
        Assert.Equal("902jndnke3", m.To!.Tag);
    }

    [Theory]
    [MemberData(nameof(ValidAndApplication))]
    public void RoundTripGivesTheSameFields(string name)
    {
        var first = Assert.IsAssignableFrom<SipMessage>(Parse<SipMessage>(name));
        var bytes = first.ToArray();
        Assert.True(SipMessageParser.TryParse(bytes, out var again, out var error), $"{name}: {error}\n{Encoding.UTF8.GetString(bytes)}");
        // Content-Length is rewritten from the body (one, correct); every other header comes back as it was.
        Assert.Equal(first.Headers.Where(h => h.Name != "Content-Length"), again!.Headers.Where(h => h.Name != "Content-Length"));
        Assert.Equal(first.Body.ToArray(), again.Body.ToArray());
        Assert.Equal(first.Vias.Select(v => v.ToString()), again.Vias.Select(v => v.ToString()));
        Assert.Equal(first.CSeq, again.CSeq);
        Assert.Equal(first.From?.ToString(), again.From?.ToString());
        Assert.Equal(first.To?.ToString(), again.To?.ToString());
        Assert.Equal(first.Body.Length, again.ContentLength);
        if (first is SipRequest request)
        {
            Assert.Equal(request.Method, ((SipRequest)again).Method);
            Assert.Equal(request.RequestUri.ToString(), ((SipRequest)again).RequestUri.ToString());
        }
        else
        {
            Assert.Equal(((SipResponse)first).ReasonPhrase, ((SipResponse)again).ReasonPhrase);
        }
    }

    public static TheoryData<string> ValidAndApplication() => new(Rfc4475Corpus.Valid.Concat(Rfc4475Corpus.ParseForApplication));
}
