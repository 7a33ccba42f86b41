using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Tests.Sip.Messages;
using CallCenter.Tests.Sip.Registrar;

using Microsoft.Extensions.DependencyInjection;

using CallCenter.Tests.Support;

namespace CallCenter.Tests.Sip.Security;

/// <summary>
/// 100,000 mutated corpus messages at the UDP listener of a running server, then it must still answer
/// OPTIONS and accept a REGISTER with the right password (SHA-256, the first challenge).
/// </summary>
public sealed partial class ListenerFuzzTests
{
    private const int Messages = 100_000;

    [Fact]
    public async Task MutatedCorpusAtTheListenerLeavesTheServerServing()
    {
        // The per-address limits would drop nearly all of it from one socket: raised so the parser,
        // transaction layer and registrar see the flood.
        await using var host = await SipTestHost.StartAsync(new()
        {
            ["CallCenter:Sip:Security:RateLimitPerSecond"] = "1000000",
            ["CallCenter:Sip:Security:RateLimitBurst"] = "1000000",
            ["CallCenter:Sip:Security:FailureThreshold"] = "10000",
            // RFC 8760: SHA-256 offered first, so the REGISTER afterwards proves the SHA-256 path end to end.
            ["CallCenter:Sip:Security:ChallengeAlgorithms"] = "SHA-256,MD5",
        });
        using var peer = new SipUdpPeer(host.UdpEndPoint);
        // Only our own Via stays: whatever a mutation does, a response can only go back to 127.0.0.1.
        var corpus = Rfc4475Corpus.AllNames()
            .Select(name => OnlyTopVia(peer.WithOwnVia(Rfc4475Corpus.Read(name))))
            .ToArray();
        var random = new Random(20260302);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < Messages; i++)
        {
            peer.Send(SipMutator.Mutate(corpus[random.Next(corpus.Length)], random));
            if (i % 250 == 249)
            {
                // Paced at about 10,000 a second, and our socket's buffer kept from filling.
                peer.Drain();
                var due = TimeSpan.FromMilliseconds((i + 1) / 10.0);
                if (stopwatch.Elapsed < due)
                {
                    await Task.Delay(due - stopwatch.Elapsed);
                }
            }
        }
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"sending took {stopwatch.Elapsed}");

        var transport = host.Services.GetRequiredService<ISipTransport>();
        Assert.Equal(SipTransportState.Running, transport.State);
        await Task.Delay(500);
        peer.Drain();
        var options = peer.Exchange(Rfc4475ServerTests.Options(peer), TimeSpan.FromSeconds(5));
        Assert.Equal(200, options?.StatusCode);

        var callId = Guid.NewGuid().ToString("N");
        var contact = $"<sip:1001@127.0.0.1:{peer.LocalEndPoint.Port}>";
        var challenge = peer.Exchange(RegisterFrom(peer, PhoneMessages.RegisterText("1001", callId, 1, [contact], 300)), TimeSpan.FromSeconds(5));
        Assert.Equal(401, challenge?.StatusCode);
        var first = challenge!.Headers.GetAll(SipHeaderNames.WwwAuthenticate)[0];
        Assert.Contains("algorithm=SHA-256", first, StringComparison.Ordinal);
        var authorization = PhoneMessages.Authorize(first, "1001", "sip1001demo");
        var registered = peer.Exchange(
            RegisterFrom(peer, PhoneMessages.RegisterText("1001", callId, 2, [contact], 300, authorization)), TimeSpan.FromSeconds(5));
        Assert.Equal(200, registered?.StatusCode);
        Assert.Single(host.Location.GetBindings("1001"));
    }

    private static string RegisterFrom(SipUdpPeer peer, string text) =>
        text.Replace("127.0.0.1:5999", $"127.0.0.1:{peer.LocalEndPoint.Port}", StringComparison.Ordinal);

    private static byte[] OnlyTopVia(byte[] message)
    {
        var text = Encoding.Latin1.GetString(message);
        var first = true;
        text = ViaLine().Replace(text, m =>
        {
            var keep = first;
            first = false;
            return keep ? m.Value : "";
        });
        return Encoding.Latin1.GetBytes(text);
    }

    [GeneratedRegex(@"^(?:Via|v)[ \t]*:[^\r\n]*\r\n", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ViaLine();
}
