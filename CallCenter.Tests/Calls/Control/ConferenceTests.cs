using CallCenter.Telephony.Events;

namespace CallCenter.Tests.Calls.Control;

/// <summary>
/// Three-way calls from call control: 1001 (customer) calls 1002 (agent), who adds 1003; each party must hear the
/// other two and not itself; dropping or losing one party leaves the other two talking.
/// </summary>
public sealed class ConferenceTests : IAsyncLifetime
{
    // Far apart from each other and from 450 Hz (ring-back and busy tones), so no party's tone is mistaken for another's.
    private const double CustomerTone = 700;
    private const double AgentTone = 1300;
    private const double ThirdTone = 2300;
    private PartyCallFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await PartyCallFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task EachOfThreePartiesHearsTheOtherTwoAndDroppingTheThirdLeavesAgentWithCustomer()
    {
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        await using var third = await OwnPhone.AnswerAsync(_fixture.Host.UdpEndPoint, "1003", ThirdTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);

        var added = await _fixture.Control.ConferenceAddAsync(call.CallId, "1002", "1003");

        Assert.True(added.Succeeded, added.Reason);
        var thirdLeg = call.FindLeg(added.Id!.Value)!;
        Assert.Equal("1003", thirdLeg.Extension);
        third.StartSending(thirdLeg);
        var threeWay = await Hearing.ListenAsync(("customer", customer), ("agent", agent), ("1003", third.Party));
        threeWay.Assert("customer", [AgentTone, ThirdTone], [CustomerTone]);
        threeWay.Assert("agent", [CustomerTone, ThirdTone], [AgentTone]);
        threeWay.Assert("1003", [CustomerTone, AgentTone], [ThirdTone]);

        var dropped = await _fixture.Control.ConferenceDropAsync(call.CallId, "1002", thirdLeg.LegId);

        Assert.True(dropped.Succeeded, dropped.Reason);
        // 1003's phone was sent BYE now (its scenario ends only on BYE), not at the call's end.
        await third.AssertEndedWellAsync(TimeSpan.FromSeconds(10));
        var twoWay = await Hearing.ListenAsync(("customer", customer), ("agent", agent));
        twoWay.Assert("customer", [AgentTone], [ThirdTone, CustomerTone]);
        twoWay.Assert("agent", [CustomerTone], [ThirdTone, AgentTone]);
        Assert.Contains(_fixture.Events, e => e is LegEnded ended && ended.LegId == thirdLeg.LegId);
        Assert.DoesNotContain(_fixture.Events, e => e is CallEnded);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task AddedPartyHangingUpLeavesCustomerAndAgentTalking()
    {
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        // Hangs up 3 s after it answers: time enough to be mixed and heard first.
        await using var third = await OwnPhone.AnswerAsync(_fixture.Host.UdpEndPoint, "1003", ThirdTone, hangUpAfterMilliseconds: 3000);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        var added = await _fixture.Control.ConferenceAddAsync(call.CallId, "1002", "1003");
        Assert.True(added.Succeeded, added.Reason);
        var thirdLeg = call.FindLeg(added.Id!.Value)!;
        third.StartSending(thirdLeg);
        var mark = customer.Mark();
        Assert.True(await customer.WaitHeardAsync(mark, 8000, TimeSpan.FromSeconds(5)), "the customer heard nothing in the three-way call");

        await third.AssertEndedWellAsync(TimeSpan.FromSeconds(15));

        var afterwards = await Hearing.ListenAsync(("customer", customer), ("agent", agent));
        afterwards.Assert("customer", [AgentTone], [ThirdTone, CustomerTone]);
        afterwards.Assert("agent", [CustomerTone], [ThirdTone, AgentTone]);
        Assert.Contains(_fixture.Events, e => e is LegEnded ended && ended.LegId == thirdLeg.LegId);
        Assert.DoesNotContain(_fixture.Events, e => e is CallEnded);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task CustomerHangingUpLeavesAgentAndAddedPartyTalking()
    {
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var third = await _fixture.AnsweringPhoneAsync("1003", ThirdTone);
        // The customer hangs up 3 s after its call is answered: the three-way call is up by then.
        var (call, phone) = await OwnPhone.CallAsync(_fixture, "1001", "1002", CustomerTone, hangUpAfterMilliseconds: 3000);
        await using var customer = phone;
        _fixture.StartSending(call.Callee!);
        var added = await _fixture.Control.ConferenceAddAsync(call.CallId, "1002", "1003");
        Assert.True(added.Succeeded, added.Reason);
        var thirdLeg = call.FindLeg(added.Id!.Value)!;
        _fixture.StartSending(thirdLeg);
        var mark = third.Mark();
        Assert.True(await third.WaitHeardAsync(mark, 8000, TimeSpan.FromSeconds(5)), "1003 heard nothing in the three-way call");

        await customer.AssertEndedWellAsync(TimeSpan.FromSeconds(15));

        var afterwards = await Hearing.ListenAsync(("agent", agent), ("1003", third));
        afterwards.Assert("agent", [ThirdTone], [CustomerTone, AgentTone]);
        afterwards.Assert("1003", [AgentTone], [CustomerTone, ThirdTone]);
        Assert.Contains(_fixture.Events, e => e is LegEnded ended && ended.LegId == call.Legs[0].LegId);
        Assert.DoesNotContain(_fixture.Events, e => e is CallEnded);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }
}
