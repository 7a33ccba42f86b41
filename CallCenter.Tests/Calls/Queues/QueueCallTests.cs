using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Events;
using CallCenter.Tests.Calls.Control;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Calls.Queues;

/// <summary>
/// Customers (sipp callers from outside, their media test tone parties) calling the ACD queue 4000 of a Telephony-only
/// host, agents' phones sipp callees: who gets the call, who hears whom, and where a call goes without an agent.
/// </summary>
public sealed class QueueCallTests
{
    private const double CustomerTone = 1000;

    [Fact]
    public async Task PriorityQueueConnectsTheTopReadyAgentAndTheyHearEachOther()
    {
        await using var queue = await QueueCallFixture.StartAsync(TestAcdDirectory.Sales(AcdStrategy.Priority, ("1001", 1), ("1002", 5)));
        // 1001 is never called: its phone stops waiting soon after the test.
        var agents = await queue.ReadyAgentsAsync(["1001", "1002"], phoneTimeoutSeconds: 8);

        var (call, customer) = await queue.CustomerCallsAsync("13800138000", CustomerTone);
        var agentLeg = await queue.Calls.AnsweredLegAsync(call, "1002", PartyCallFixture.Deadline);

        await PartyCallFixture.AssertHearsAsync(customer, 700, "the customer");
        await PartyCallFixture.AssertHearsAsync(agents["1002"], CustomerTone, "agent 1002");
        Assert.Equal(AgentStatus.Talking, queue.Acd.GetAgent("1002")!.Status);
        Assert.Equal(AgentStatus.Ready, queue.Acd.GetAgent("1001")!.Status);
        Assert.True(queue.Calls.IsInCall(agents["1001"]), "the lower-priority agent's phone was offered the call");
        Assert.Contains(queue.Calls.Events.OfType<CallQueued>(), e => e.CallId == call.CallId && e.Queue == "sales");
        Assert.Contains(queue.Calls.Events.OfType<CallerIdentified>(), e => e.CallId == call.CallId && e.Caller.Number == "13800138000");

        await queue.Calls.Control.HangupAsync(call.CallId);
        await queue.Calls.AssertPhoneEndedWellAsync(customer, PartyCallFixture.Deadline);
        Assert.Equal(agentLeg.LegId, call.Callee!.LegId);
    }

    [Fact]
    public async Task RingAllConnectsTheFirstToAnswerAndTheOtherPhoneStopsRinging()
    {
        await using var queue = await QueueCallFixture.StartAsync(TestAcdDirectory.Sales(AcdStrategy.RingAll, ("1001", 0), ("1002", 0)));
        var ringing = await queue.Calls.PhoneAsync("1001", 500, "uas-ring.xml");
        Assert.True((await queue.Acd.LoginAsync("1001", CancellationToken.None)).Succeeded);
        var answering = (await queue.ReadyAgentsAsync(["1002"]))["1002"];

        var (call, customer) = await queue.CustomerCallsAsync("13800138000", CustomerTone);
        await queue.Calls.AnsweredLegAsync(call, "1002", PartyCallFixture.Deadline);

        // The phone that only rang got its CANCEL (uas-ring ends well only then), and its agent is free again.
        await queue.Calls.AssertPhoneEndedWellAsync(ringing, PartyCallFixture.Deadline);
        Assert.Equal(AgentStatus.Ready, queue.Acd.GetAgent("1001")!.Status);
        await PartyCallFixture.AssertHearsAsync(answering, CustomerTone, "agent 1002");
        await queue.Calls.Control.HangupAsync(call.CallId);
        await queue.Calls.AssertPhoneEndedWellAsync(customer, PartyCallFixture.Deadline);
    }

    [Fact]
    public async Task BlacklistedCallerHearsAMessageAndNeverRingsAnAgent()
    {
        await using var queue = await QueueCallFixture.StartAsync(TestAcdDirectory.Sales(AcdStrategy.Priority, ("1001", 0)), "13900139000");
        var agent = (await queue.ReadyAgentsAsync(["1001"], phoneTimeoutSeconds: 8))["1001"];

        var (call, customer) = await queue.CustomerCallsAsync("13900139000", CustomerTone);
        var ended = await queue.Calls.WaitForEventAsync<CallEnded>(e => e.CallId == call.CallId, PartyCallFixture.Deadline);

        Assert.Equal((CallEndCause.Blacklisted, HangupSide.System), (ended.Cause, ended.HangupBy));
        await queue.Calls.AssertPhoneEndedWellAsync(customer, PartyCallFixture.Deadline);
        // What it heard: the 450 Hz refusal cadence, about 2.8 s of it.
        Assert.True(customer.Share(450, 0) > 0.3, $"the caller did not hear the refusal (450 Hz share {customer.Share(450, 0):F2})");
        Assert.DoesNotContain(queue.Calls.Events.OfType<LegStarted>(), e => e.CallId == call.CallId && e.Role == CallLegRole.Agent);
        Assert.True(queue.Calls.IsInCall(agent), "the agent's phone was offered a blacklisted call");
        Assert.Equal([("13900139000", "4000")], queue.Blacklist.Blocked);
    }

    [Fact]
    public async Task OverflowToVoicemailRecordsWhatTheCallerSaysUntilHash()
    {
        var sales = TestAcdDirectory.Sales(AcdStrategy.Priority, ("1001", 0)) with { MaxWait = TimeSpan.FromSeconds(1) };
        await using var queue = await QueueCallFixture.StartAsync(sales);

        var (call, customer) = await queue.CustomerCallsAsync("13800138000", CustomerTone);
        // The wait runs out (nobody logged in, but the queue takes callers), the greeting beep plays; then the caller speaks.
        var started = DateTime.UtcNow;
        while (queue.Voicemail.Messages.Count == 0)
        {
            Assert.True(DateTime.UtcNow - started < PartyCallFixture.Deadline, "no voicemail was started");
            await Task.Delay(50);
        }
        await Task.Delay(2500);
        await customer.SendInbandDigitsAsync("#");
        var ended = await queue.Calls.WaitForEventAsync<CallEnded>(e => e.CallId == call.CallId, PartyCallFixture.Deadline);

        Assert.Equal((CallEndCause.Voicemail, HangupSide.System), (ended.Cause, ended.HangupBy));
        var (id, message) = Assert.Single(queue.Voicemail.Messages);
        Assert.Equal((true, "sales", "13800138000"), (message.Box.IsQueue, message.Box.Key, message.Caller));
        Assert.InRange(message.Length.TotalSeconds, 1.5, 4.5);
        Assert.True(Telephony.Audio.WavReader.TryRead(await File.ReadAllBytesAsync(queue.Voicemail.FileOf(id)), out var samples, out var problem), problem?.Message);
        // The message is the caller's tone (the beep it heard is not in it).
        var middle = samples!.AsSpan(samples.Length / 4, samples.Length / 2);
        Assert.Equal(CustomerTone, AudioAnalysis.Dominant(middle, [450, 1000, 697, 1477]));
        Assert.Equal(samples.Length / 8000.0, message.Length.TotalSeconds, 2);
    }

    [Fact]
    public async Task OutOfHoursCallGoesStraightToTheQueuesVoicemailNotToAnAgent()
    {
        // Open only on a day that is not today (local time, as the engine reads it).
        var otherDay = DateTime.Now.AddDays(3).DayOfWeek.ToString()[..3];
        Assert.True(BusinessHours.TryParse($"{otherDay} 09:00-18:00", out var hours, out var error), error);
        await using var queue = await QueueCallFixture.StartAsync(TestAcdDirectory.Sales(AcdStrategy.Priority, ("1001", 0)) with { Hours = hours });
        var agent = (await queue.ReadyAgentsAsync(["1001"], phoneTimeoutSeconds: 8))["1001"];

        var (call, customer) = await queue.CustomerCallsAsync("13800138000", CustomerTone);
        var started = DateTime.UtcNow;
        while (queue.Voicemail.Messages.Count == 0)
        {
            Assert.True(DateTime.UtcNow - started < PartyCallFixture.Deadline, "no voicemail was started");
            await Task.Delay(50);
        }
        await Task.Delay(1500);
        await customer.SendInbandDigitsAsync("#");
        var ended = await queue.Calls.WaitForEventAsync<CallEnded>(e => e.CallId == call.CallId, PartyCallFixture.Deadline);

        Assert.Equal(CallEndCause.Voicemail, ended.Cause);
        Assert.Equal((true, "sales"), (Assert.Single(queue.Voicemail.Messages).Value.Box.IsQueue, Assert.Single(queue.Voicemail.Messages).Value.Box.Key));
        Assert.DoesNotContain(queue.Calls.Events.OfType<CallQueued>(), e => e.CallId == call.CallId);
        Assert.True(queue.Calls.IsInCall(agent), "an agent was offered a call out of hours");
    }

    [Fact]
    public async Task CallbackKeepsThePlaceThenRingsTheAgentAndCallsTheCustomerBack()
    {
        var sales = TestAcdDirectory.Sales(AcdStrategy.Priority, ("1001", 0)) with { OfferCallback = true };
        await using var queue = await QueueCallFixture.StartAsync(sales);

        // The caller is called back through the dial plan as if the agent dialled it: an outside number would leave through a
        // trunk; here the caller is extension 1005's phone, so its call-back rings a phone of 1005.
        var (call, customer) = await queue.CustomerCallsAsync("1005", CustomerTone, password: "sip1005demo");
        await Task.Delay(300);
        await customer.SendInbandDigitsAsync("1");
        // Confirmed, and the engine hangs the customer up; the call keeps its place.
        await queue.Calls.AssertPhoneEndedWellAsync(customer, PartyCallFixture.Deadline);
        Assert.True(Assert.Single(queue.Acd.GetWaiting("sales")).IsCallback);

        var callee = await queue.Calls.AnsweringPhoneAsync("1005", 1300);
        var agent = (await queue.ReadyAgentsAsync(["1001"]))["1001"];
        var answered = await queue.Calls.WaitForEventAsync<CallAnswered>(e => e.CallId == call.CallId, TimeSpan.FromSeconds(15));

        Assert.Equal("1001", answered.AgentExtension);
        queue.Calls.StartSending(call.Caller);
        queue.Calls.StartSending(call.Callee!);
        await PartyCallFixture.AssertHearsAsync(agent, 1300, "the agent");
        await PartyCallFixture.AssertHearsAsync(callee, 500, "the customer called back");
        await queue.Calls.Control.HangupAsync(call.CallId);
        await queue.Calls.AssertPhoneEndedWellAsync(callee, PartyCallFixture.Deadline);
    }

    [Fact]
    public async Task CallerHangingUpWhileWaitingAbandonsAndLeavesTheQueue()
    {
        await using var queue = await QueueCallFixture.StartAsync(TestAcdDirectory.Sales(AcdStrategy.Priority, ("1001", 0)));

        var (call, customer) = await queue.CustomerCallsAsync("13800138000", CustomerTone, hangsUp: true);
        await queue.Calls.WaitForEventAsync<CallQueued>(e => e.CallId == call.CallId, PartyCallFixture.Deadline);
        Assert.Single(queue.Acd.GetWaiting("sales"));
        var ended = await queue.Calls.WaitForEventAsync<CallEnded>(e => e.CallId == call.CallId, PartyCallFixture.Deadline);

        Assert.Equal((CallEndCause.Abandoned, HangupSide.Caller), (ended.Cause, ended.HangupBy));
        Assert.Empty(queue.Acd.GetWaiting("sales"));
        Assert.DoesNotContain(queue.Calls.Events.OfType<CallAnswered>(), e => e.CallId == call.CallId);
        await queue.Calls.AssertPhoneEndedWellAsync(customer, PartyCallFixture.Deadline);
    }

    [Fact]
    public async Task WaitingCallersHearTheirPositionAndEstimatedWait()
    {
        // The deployment recorded "预计等待" (here a 300 ms 440 Hz stand-in); the digits are the built-in DTMF tones.
        var prompts = Directory.CreateTempSubdirectory("cc-prompts-").FullName;
        var wait = new Telephony.Voicemail.VoicemailWriter(Path.Combine(prompts, "queue-wait.wav"), TimeSpan.FromSeconds(1));
        wait.Write(AudioAnalysis.Sine(440, 2400).Select(s => (short)s).ToArray());
        await wait.CompleteAsync();
        var sales = TestAcdDirectory.Sales(AcdStrategy.Priority, ("1001", 0)) with { AnnouncePosition = true, AnnounceInterval = TimeSpan.FromSeconds(30) };
        await using var queue = await QueueCallFixture.StartAsync(sales, new Dictionary<string, string?> { ["CallCenter:Media:PromptDirectory"] = prompts });

        var (firstCall, first) = await queue.CustomerCallsAsync("13800138000", CustomerTone);
        await Task.Delay(300);
        var (secondCall, second) = await queue.CustomerCallsAsync("13700137000", CustomerTone);
        await Task.Delay(2500);

        // Nobody is available, so the estimate is the default handle time (180 s) per caller ahead and this one.
        Assert.Equal("13", HeardDigits(first));
        Assert.Equal("26", HeardDigits(second));
        await queue.Calls.Control.HangupAsync(firstCall.CallId);
        await queue.Calls.Control.HangupAsync(secondCall.CallId);
        await queue.Calls.AssertPhonesEndedWellAsync();
        Directory.Delete(prompts, recursive: true);
    }

    private static string HeardDigits(ToneParty party)
    {
        var heard = party.HeardSince(0);
        var detector = new Telephony.Audio.InbandDtmfDetector();
        var digits = new System.Text.StringBuilder();
        for (var i = 0; i + 160 <= heard.Length; i += 160)
        {
            if (detector.TryDetect(heard.AsSpan(i, 160), out var digit))
            {
                digits.Append(digit);
            }
        }
        return digits.ToString();
    }
}
