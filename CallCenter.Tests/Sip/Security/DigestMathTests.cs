using CallCenter.Telephony.Sip.Auth;

namespace CallCenter.Tests.Sip.Security;

public sealed class DigestMathTests
{
    [Fact]
    public void Rfc2617ExampleGivesTheRfcResponse()
    {
        // RFC 2617 §3.5.
        var ha1 = DigestHash.Ha1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life");

        var response = DigestResponse.Compute(
            DigestAlgorithm.Md5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth", "GET", "/dir/index.html");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Theory]
    // RFC 7616 §3.9.1: the same request answered with SHA-256 and with MD5.
    [InlineData(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    [InlineData(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    public void Rfc7616ExampleGivesTheRfcResponse(DigestAlgorithm algorithm, string expected)
    {
        var ha1 = DigestHash.Ha1(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life");

        var response = DigestResponse.Compute(
            algorithm, ha1, "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth", "GET", "/dir/index.html");

        Assert.Equal(expected, response);
    }

    [Fact]
    public void CredentialsAreReadWithQuotedAndTokenValues()
    {
        var ok = DigestCredentials.TryParse(
            "Digest username=\"Mufasa\",realm=\"testrealm@host.com\", nonce=\"dcd98b\", uri=\"/dir/index.html\", qop=auth, "
            + "nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae4\", opaque=\"5ccc\", algorithm=SHA-256",
            out var c);

        Assert.True(ok);
        Assert.Equal("Mufasa", c.Username);
        Assert.Equal("testrealm@host.com", c.Realm);
        Assert.Equal("auth", c.Qop);
        Assert.Equal("00000001", c.NonceCount);
        Assert.Equal("SHA-256", c.Algorithm);
        Assert.Equal("5ccc", c.Opaque);
    }

    [Theory]
    [InlineData("NoOneKnowsThisScheme opaque-data=here")]
    [InlineData("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")]
    [InlineData("Digest realm=\"x\"")]
    [InlineData("Digest username=\"a\", username=\"b\"")]
    [InlineData("Digest username=\"unterminated")]
    public void OtherSchemesAndMalformedDigestAreNotCredentials(string value)
    {
        Assert.False(DigestCredentials.TryParse(value, out _));
    }
}
