using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;

namespace CallCenter.Tests.Calls.Control;

/// <summary>A phone that negotiated no telephone-event sends its keys as tones in the audio: they become DTMF events (inband).</summary>
public sealed class InbandDtmfTests : IAsyncLifetime
{
    private PartyCallFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await PartyCallFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task KeysPressedAsTonesByAPhoneWithoutRfc4733AreReportedInband()
    {
        await _fixture.AnsweringPhoneAsync("1002", 1800);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", 300, scenario: "uac-party-inband.xml");
        Assert.Null(call.Caller.Media!.Audio!.TelephoneEventPayloadType);

        await customer.SendInbandDigitsAsync("159#");
        // The detector needs the tone's last window and a gap after it.
        await Task.Delay(300);

        var digits = _fixture.Events.OfType<DtmfReceived>().Where(d => d.LegId == call.Caller.LegId).ToArray();
        Assert.Equal("159#", string.Concat(digits.Select(d => d.Digit)));
        Assert.All(digits, d => Assert.Equal(DtmfMethod.Inband, d.Method));
        // The agent's phone negotiated telephone-event: its own audio is never searched for tones.
        Assert.DoesNotContain(_fixture.Events.OfType<DtmfReceived>(), d => d.LegId == call.Callee!.LegId);

        var refused = await _fixture.Control.SendDtmfAsync(call.CallId, "1002", "1");
        Assert.Equal(CallControlError.InvalidState, refused.Error);
        Assert.Contains("telephone-event", refused.Reason, StringComparison.Ordinal);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }
}
