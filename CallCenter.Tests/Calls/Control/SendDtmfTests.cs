using CallCenter.Telephony.Calls.Control;

using CallCenter.Tests.Support;

using static CallCenter.Tests.Calls.Control.PartyCallFixture;

namespace CallCenter.Tests.Calls.Control;

/// <summary>
/// Digits sent from call control reach the other party as RFC 4733 telephone-events, one event per key, while the
/// relay of the agent's audio toward that party pauses; then the audio flows again.
/// </summary>
public sealed class SendDtmfTests : IAsyncLifetime
{
    private const double CustomerTone = 1000;
    private const double AgentTone = 1800;
    private PartyCallFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await PartyCallFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task DigitsFromTheAgentReachTheCallerAsTelephoneEventsWithoutTheAgentsAudio()
    {
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        await AssertHearsAsync(customer, AgentTone, "the customer before the digits");

        var sent = await _fixture.Control.SendDtmfAsync(call.CallId, "1002", "1*55#");

        Assert.True(sent.Succeeded, sent.Reason);
        await AssertPressesAsync(customer, "1*55#");
        Assert.Empty(agent.Presses);
        await AssertHearsAsync(customer, AgentTone, "the customer after the digits");
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task DigitsFromTheCallerReachTheCalledAgent()
    {
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        await AssertHearsAsync(agent, CustomerTone, "the agent before the digits");

        var sent = await _fixture.Control.SendDtmfAsync(call.CallId, "1001", "90d");

        Assert.True(sent.Succeeded, sent.Reason);
        await AssertPressesAsync(agent, "90D");
        Assert.Empty(customer.Presses);
        await AssertHearsAsync(agent, CustomerTone, "the agent after the digits");
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task DigitsWhileConsultingReachTheConsultedPartyNotTheHeldCustomer()
    {
        // The agent consults another department's IVR and keys in its choice.
        await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var consulted = await _fixture.AnsweringPhoneAsync("1003", 1400);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        var consulting = await _fixture.Control.ConsultAsync(call.CallId, "1002", "1003");
        Assert.True(consulting.Succeeded, consulting.Reason);
        _fixture.StartSending(call.FindLeg(Assert.IsType<Guid>(consulting.Id))!);

        var sent = await _fixture.Control.SendDtmfAsync(call.CallId, "1002", "7");

        Assert.True(sent.Succeeded, sent.Reason);
        await AssertPressesAsync(consulted, "7");
        Assert.Empty(customer.Presses);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task InvalidDigitsAreRefusedAndNothingIsSent()
    {
        await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);

        var letters = await _fixture.Control.SendDtmfAsync(call.CallId, "1002", "12x");
        var empty = await _fixture.Control.SendDtmfAsync(call.CallId, "1002", "");
        var stranger = await _fixture.Control.SendDtmfAsync(call.CallId, "1005", "1");

        Assert.Equal(CallControlError.InvalidArgument, letters.Error);
        Assert.Equal(CallControlError.InvalidArgument, empty.Error);
        Assert.Equal(CallControlError.NotAParty, stranger.Error);
        // A second of audio later, still no event reached the customer.
        await AssertHearsAsync(customer, AgentTone, "the customer");
        Assert.Empty(customer.Presses);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    // Every digit arrived once, ended, in order; and no audio packet came between the first event and the last.
    private static async Task AssertPressesAsync(ToneParty listener, string digits)
    {
        // SendDtmfAsync returns when the last event went out: what is on its way arrives at once.
        var arrived = await listener.WaitPressesEndedAsync(digits.Length, Deadline);
        var presses = listener.Presses;
        Assert.Equal(digits, string.Concat(presses.Select(p => p.Digit)));
        Assert.True(arrived, "a digit's end (E bit) never arrived");
        Assert.All(presses, p => Assert.True(p.Ended));
        // About 30 packets of the other party's audio would come in the 0.9 s the events take, were the relay not paused.
        Assert.InRange(presses[^1].AudioPacketsAtEnd - presses[0].AudioPacketsAtStart, 0, 2);
    }
}
