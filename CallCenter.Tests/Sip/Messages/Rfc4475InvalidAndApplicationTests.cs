using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Tests.Sip.Messages;

/// <summary>RFC 4475 §3.1.2 invalid messages are rejected with a reason; §3.2-3.4 messages parse and expose what the
/// application layer answers from.</summary>
public class Rfc4475InvalidAndApplicationTests
{
    [Theory]
    [InlineData("badinv01", SipParseError.HeaderValue, false)]
    [InlineData("clerr", SipParseError.ContentLength, true)]
    [InlineData("ncl", SipParseError.ContentLength, true)]
    [InlineData("scalar02", SipParseError.ValueOutOfRange, true)]
    [InlineData("scalarlg", SipParseError.ValueOutOfRange, false)]
    [InlineData("quotbal", SipParseError.HeaderValue, false)]
    [InlineData("ltgtruri", SipParseError.RequestUri, true)]
    [InlineData("lwsruri", SipParseError.StartLine, true)]
    [InlineData("lwsstart", SipParseError.StartLine, true)]
    [InlineData("trws", SipParseError.StartLine, true)]
    [InlineData("escruri", SipParseError.RequestUri, true)]
    [InlineData("baddate", SipParseError.HeaderValue, true)]
    [InlineData("regbadct", SipParseError.HeaderValue, true)]
    [InlineData("badaspec", SipParseError.HeaderValue, false)]
    // baddn ends without the empty line that closes the header section.
    [InlineData("baddn", SipParseError.HeaderSyntax, false)]
    [InlineData("badvers", SipParseError.Version, true)]
    [InlineData("mismatch01", SipParseError.CSeqMethodMismatch, true)]
    [InlineData("mismatch02", SipParseError.CSeqMethodMismatch, true)]
    [InlineData("bigcode", SipParseError.StatusCode, false)]
    public void InvalidMessageIsRejectedWithReason(string name, SipParseError expected, bool canRespond)
    {
        var data = Rfc4475Corpus.Read(name);
        Assert.False(SipMessageParser.TryParse(data, out var message, out var error));
        Assert.Null(message);
        Assert.Equal(expected, error);
        var result = SipMessageParser.Parse(data);
        Assert.Equal(expected, result.Error);
        Assert.Equal(canRespond, result.CanRespond);
        if (result.RejectedRequest is { } rejected)
        {
            var response = SipResponse.CreateFor(rejected, result.StatusCode, result.Error.ToReasonPhrase(), toTag: "x");
            Assert.Equal(expected == SipParseError.Version ? 505 : 400, response.StatusCode);
            Assert.Equal(rejected.CallId, response.CallId);
            Assert.Equal(rejected.Vias.Count, response.Vias.Count);
            // The response copies CSeq as sent, so for scalar02 it carries the same out-of-range number.
            SipMessageParser.TryParse(response.ToArray(), out _, out var responseError);
            Assert.Equal(expected == SipParseError.ValueOutOfRange ? SipParseError.ValueOutOfRange : SipParseError.None, responseError);
        }
    }

    [Fact]
    public void BaddnUnquotedDisplayNameWithCommaIsRejectedOnceFramed()
    {
        var data = Rfc4475Corpus.Read("baddn").Concat("\r\n"u8.ToArray()).ToArray();
        var result = SipMessageParser.Parse(data);
        Assert.Equal(SipParseError.HeaderValue, result.Error);
        Assert.False(result.CanRespond);
    }

    [Fact]
    public void CorpusHoldsEveryListedFile()
    {
        var all = Rfc4475Corpus.AllNames().ToHashSet();
        Assert.Equal(49, all.Count);
        Assert.Subset(all, Rfc4475Corpus.Valid.Concat(Rfc4475Corpus.Invalid).Concat(Rfc4475Corpus.ParseForApplication).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(ApplicationFiles))]
    public void ApplicationLayerMessagesParse(string name)
    {
        Assert.True(SipMessageParser.TryParse(Rfc4475Corpus.Read(name), out var message, out var error), $"{name}: {error}");
        Assert.NotNull(message);
    }

    public static TheoryData<string> ApplicationFiles() => new(Rfc4475Corpus.ParseForApplication);

    private static SipMessage Parse(string name)
    {
        Assert.True(SipMessageParser.TryParse(Rfc4475Corpus.Read(name), out var message, out var error), $"{name}: {error}");
        return message!;
    }

    [Fact]
    public void ApplicationFieldsAreReachable()
    {
        Assert.Equal("z9hG4bK", Parse("badbranch").TopVia!.Branch);
        var insuf = (SipRequest)Parse("insuf");
        Assert.False(insuf.HasRequiredHeaders);
        Assert.Null(insuf.From);
        Assert.False(((SipRequest)Parse("unkscm")).RequestUri.IsSip);
        Assert.Equal("nobodyKnowsThisScheme", ((SipRequest)Parse("unkscm")).RequestUri.Scheme);
        Assert.Equal("soap.beep", ((SipRequest)Parse("novelsc")).RequestUri.Scheme);
        var unksm2 = Parse("unksm2");
        Assert.Equal("isbn", unksm2.To!.Uri!.Scheme);
        Assert.False(unksm2.To.Uri.IsSip);
        Assert.Equal("name:John_Smith", unksm2.Contacts[0].Uri!.ToString());
        Assert.Equal(["nothingSupportsThis", "nothingSupportsThisEither"], Parse("bext01").Require);
        var invut = Parse("invut");
        Assert.Equal("application", invut.ContentType!.Type);
        Assert.NotEqual("sdp", invut.ContentType.Subtype);
        var regaut = Parse("regaut01");
        Assert.StartsWith("NoOneKnowsThisScheme", regaut.Headers.Get("Authorization"));
        var multi = Parse("multi01");
        Assert.Equal(2, multi.Headers.CountOf("From"));
        Assert.Equal(2, multi.Headers.CountOf("To"));
        Assert.Equal(2, multi.Headers.CountOf("Call-ID"));
        Assert.Equal(2, multi.Headers.CountOf("CSeq"));
        Assert.Equal(2, Parse("mcl01").Headers.CountOf("Content-Length"));
        Assert.Equal(0, Parse("zeromf").MaxForwards);
        Assert.True(Parse("cparam01").Contacts[0].Parameters.Contains("unknownparam"));
        Assert.True(Parse("cparam02").Contacts[0].Uri!.Parameters.Contains("unknownparam"));
        Assert.Contains("?", Parse("regescrt").Contacts[0].Uri!.ToString());
        var sdp01 = Parse("sdp01");
        Assert.DoesNotContain(sdp01.Accept, a => a.Matches("application", "sdp"));
        var inv2543 = Parse("inv2543");
        Assert.Null(inv2543.TopVia!.Branch);
        Assert.Null(inv2543.MaxForwards);
        Assert.True(inv2543.Body.Length > 0);
        Assert.Equal("255.255.255.255", Parse("bcast").Vias[1].Host);
    }
}
