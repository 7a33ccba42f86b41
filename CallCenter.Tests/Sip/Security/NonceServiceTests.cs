using CallCenter.Telephony.Sip.Auth;
using CallCenter.Tests.Sip.Registrar;

namespace CallCenter.Tests.Sip.Security;

public sealed class NonceServiceTests : IDisposable
{
    private readonly TestSipServer _server = new(new() { ["CallCenter:Sip:Security:NonceLifetimeSeconds"] = "30" });

    public void Dispose() => _server.Dispose();

    [Fact]
    public void NonceIsValidWithinItsLifetimeAndStaleAfter()
    {
        var nonces = _server.Get<NonceService>();
        var nonce = nonces.Create();

        Assert.Equal(NonceCheck.Valid, nonces.Check(nonce));
        _server.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(NonceCheck.Stale, nonces.Check(nonce));
    }

    [Fact]
    public void TamperedOrForeignNoncesAreInvalid()
    {
        var nonces = _server.Get<NonceService>();
        var nonce = nonces.Create();
        var tampered = (nonce[0] == 'A' ? 'B' : 'A') + nonce[1..];

        Assert.Equal(NonceCheck.Invalid, nonces.Check(tampered));
        Assert.Equal(NonceCheck.Invalid, nonces.Check("dcd98b7102dd2f0e8b11d0f600bfb0c093"));
        Assert.Equal(NonceCheck.Invalid, nonces.Check(new TestSipServer().Get<NonceService>().Create()));
        Assert.Equal(NonceCheck.Invalid, nonces.Check(""));
    }

    [Fact]
    public void NonceCountMustGrow()
    {
        var nonces = _server.Get<NonceService>();
        var nonce = nonces.Create();

        Assert.True(nonces.TryUseNonceCount(nonce, "00000001"));
        Assert.False(nonces.TryUseNonceCount(nonce, "00000001"));
        Assert.True(nonces.TryUseNonceCount(nonce, "00000003"));
        Assert.False(nonces.TryUseNonceCount(nonce, "00000002"));
        Assert.False(nonces.TryUseNonceCount(nonce, "zz"));
    }
}
