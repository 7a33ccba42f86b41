using CallCenter.Telephony.Sip.Auth;

namespace CallCenter.Tests.Trunks;

/// <summary>The client side of digest against the published examples (RFC 2617 §3.5 MD5, RFC 7616 §3.9.1 SHA-256).</summary>
public sealed class DigestClientTests
{
    [Fact]
    public void Md5ResponseMatchesRfc2617Example()
    {
        Assert.True(DigestChallenge.TryParse(
            "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
            out var challenge));

        var value = DigestClient.Authorize(challenge, "GET", "/dir/index.html", "Mufasa", "Circle Of Life", 1, "0a4f113b");

        Assert.True(DigestCredentials.TryParse(value, out var credentials));
        Assert.Equal("6629fae49393a05397450978507c4ef1", credentials.Response);
        Assert.Equal(("auth", "00000001", "0a4f113b", "5ccc069c403ebaf9f0171e9517f40e41"), (credentials.Qop, credentials.NonceCount, credentials.Cnonce, credentials.Opaque));
    }

    [Fact]
    public void Sha256ResponseMatchesRfc7616Example()
    {
        Assert.True(DigestChallenge.TryParse(
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
            out var challenge));

        var value = DigestClient.Authorize(challenge, "GET", "/dir/index.html", "Mufasa", "Circle of Life", 1, "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

        Assert.True(DigestCredentials.TryParse(value, out var credentials));
        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", credentials.Response);
        Assert.Equal("SHA-256", credentials.Algorithm);
    }

    [Fact]
    public void ChallengeWithoutQopIsAnsweredInRfc2069Form()
    {
        Assert.True(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\"", out var challenge));

        var value = DigestClient.Authorize(challenge, "REGISTER", "sip:r", "u", "p");

        Assert.True(DigestCredentials.TryParse(value, out var credentials));
        Assert.Null(credentials.Qop);
        var expected = DigestResponse.Compute(DigestAlgorithm.Md5, DigestHash.Ha1(DigestAlgorithm.Md5, "u", "r", "p"), "n", null, null, null, "REGISTER", "sip:r");
        Assert.Equal(expected, credentials.Response);
    }
}
