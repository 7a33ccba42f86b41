using CallCenter.Telephony.Media;
using CallCenter.Telephony.Media.Mixing;
using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Tests.Media.Mixing;

/// <summary>Joining from a bridge, leaving, and what the mixer refuses.</summary>
public sealed class ConferenceMixerMembershipTests : IDisposable
{
    private const double Low = 400;
    private const double Mid = 1000;
    private const double High = 2500;

    private readonly ConferenceRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task RemovedParticipantGetsNothingMoreAndTheOtherTwoKeepHearingEachOther()
    {
        ConferencePhone agent = _rig.Phone(AudioCodec.Pcmu, Low);
        ConferencePhone customer = _rig.Phone(AudioCodec.Pcma, Mid);
        ConferencePhone expert = _rig.Phone(AudioCodec.Pcmu, High);
        _rig.Mixer.Add(agent.Endpoint, agent.Codec, 101);
        _rig.Mixer.Add(customer.Endpoint, customer.Codec, 101);
        MixerParticipant third = _rig.Mixer.Add(expert.Endpoint, expert.Codec, 101);
        await ConferenceRig.TalkAsync(20, agent, customer, expert);
        Assert.True(expert.ReceivedCount > 0, "the expert heard nothing while in the call");

        // The agent drops the third party and keeps the customer; the expert's phone still talks.
        Assert.True(_rig.Mixer.Remove(third));
        long sentToExpert = expert.Endpoint.PacketsSent;
        long droppedBefore = expert.Endpoint.PacketsDropped;
        List<ReceivedFrame>[] heard = await ConferenceMixerTests.MeasureAsync([agent, customer, expert], [agent, customer]);

        ConferenceRig.AssertHears("agent", heard[0], [Mid], [Low, High]);
        ConferenceRig.AssertHears("customer", heard[1], [Low], [Mid, High]);
        Assert.Equal(sentToExpert, expert.Endpoint.PacketsSent);
        Assert.True(await expert.WaitForCountAsync((int)sentToExpert), "packets sent before the removal never arrived");
        Assert.Equal(sentToExpert, expert.ReceivedCount);
        // Detached, not disposed: what the expert's phone sends now reaches no sink.
        Assert.True(expert.Endpoint.PacketsDropped >= droppedBefore + 50, $"{expert.Endpoint.PacketsDropped - droppedBefore} dropped");
        Assert.DoesNotContain(third, _rig.Mixer.Participants);
        Assert.False(_rig.Mixer.Remove(third));
    }

    [Fact]
    public async Task PhoneMovedFromABridgeIntoTheMixerHearsOneContinuousStream()
    {
        ConferencePhone customer = _rig.Phone(AudioCodec.Pcmu, Low);
        ConferencePhone agent = _rig.Phone(AudioCodec.Pcma, Mid);
        ConferencePhone expert = _rig.Phone(AudioCodec.Pcmu, High);
        using (MediaBridge bridge = _rig.Factory.CreateBridge(customer.Endpoint, agent.Endpoint))
        {
            bridge.Start();
            await ConferenceRig.TalkAsync(10, customer, agent);
            Assert.True(await customer.WaitForCountAsync(10), "the bridge relayed too little");
            Assert.True(await agent.WaitForCountAsync(10), "the bridge relayed too little");
        }
        int bridged = customer.ReceivedCount;

        _rig.Mixer.Add(customer.Endpoint, customer.Codec, 101);
        _rig.Mixer.Add(agent.Endpoint, agent.Codec, 101);
        _rig.Mixer.Add(expert.Endpoint, expert.Codec, 101);
        await ConferenceRig.TalkAsync(40, customer, agent, expert);

        foreach (ConferencePhone phone in new[] { customer, agent })
        {
            List<ReceivedFrame> all = phone.Received();
            Assert.True(all.Count > bridged + 20, $"{all.Count} packets in all");
            Assert.All(all, f => Assert.Equal(phone.Endpoint.OutboundSsrc, f.Ssrc));
            ConferenceMixerTests.AssertConsecutive(all);
        }
        List<ReceivedFrame> heard = customer.Received();
        // The first mixed packet says the source changed (RFC 3551 §4.1); then the timestamp runs at 160 a packet.
        Assert.True(heard[bridged].Marker);
        for (int i = bridged + 1; i < heard.Count; i++)
        {
            Assert.Equal(160u, heard[i].Timestamp - heard[i - 1].Timestamp);
        }
    }

    [Fact]
    public async Task KeyPressIsRaisedOnceAndNotMixed()
    {
        ConferencePhone agent = _rig.Phone(AudioCodec.Pcmu, Low);
        ConferencePhone customer = _rig.Phone(AudioCodec.Pcma, Mid);
        MixerParticipant pAgent = _rig.Mixer.Add(agent.Endpoint, agent.Codec, 101);
        MixerParticipant pCustomer = _rig.Mixer.Add(customer.Endpoint, customer.Codec, 96);
        var digits = new List<MixerDtmfEventArgs>();
        var two = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _rig.Mixer.DtmfReceived += (_, e) =>
        {
            lock (digits)
            {
                digits.Add(e);
                if (digits.Count == 2)
                {
                    two.TrySetResult();
                }
            }
        };
        int from = agent.ReceivedCount;

        await PressKeyAsync(customer, 96, 5, timestamp: 8000, ssrc: 0xC0FFEE);
        await PressKeyAsync(customer, 96, 11, timestamp: 16000, ssrc: 0xC0FFEE);
        // The agent's telephone-event type is 101: 96 from the agent is just an unknown payload, no digit.
        await PressKeyAsync(agent, 96, 7, timestamp: 8000, ssrc: 0xA6E47);

        await two.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(await agent.WaitForCountAsync(from + 20), "the agent got no mix meanwhile");
        lock (digits)
        {
            Assert.Equal([('5', pCustomer), ('#', pCustomer)], digits.Select(d => (d.Digit, d.Participant)));
            Assert.Equal(960, digits[0].DurationSamples);
        }
        // Not mixed: the agent heard digital silence throughout, and no audio frame came from the customer.
        Assert.All(agent.Received(from), f => Assert.All(f.Samples, s => Assert.InRange(s, (short)-8, (short)8)));
        Assert.Equal(0, pCustomer.FramesReceived);
        Assert.Equal(0, pAgent.FramesReceived);
    }

    [Fact]
    public void MixerRefusesWhatItCannotMix()
    {
        ConferencePhone a = _rig.Phone(AudioCodec.Pcmu, Low);
        ConferencePhone b = _rig.Phone(AudioCodec.Pcmu, Mid);
        using var mixer = new ConferenceMixer(_rig.Clock, maxParticipants: 2);
        MixerParticipant pa = mixer.Add(a.Endpoint, a.Codec, 101);

        Assert.Throws<InvalidOperationException>(() => mixer.Add(a.Endpoint, a.Codec, 101));
        Assert.Throws<ArgumentException>(() => mixer.Add(b.Endpoint, b.Codec, 101, MixerRole.Whisperer));
        Assert.Throws<ArgumentException>(() => mixer.Add(b.Endpoint, b.Codec, 101, MixerRole.Listener, pa));
        Assert.Throws<ArgumentException>(() => mixer.SetRole(pa, MixerRole.Whisperer, pa));
        MixerParticipant pb = mixer.Add(b.Endpoint, b.Codec, 101, MixerRole.Whisperer, pa);
        using ConferencePhone c = new(_rig.Factory, AudioCodec.Pcmu, High);
        Assert.Throws<InvalidOperationException>(() => mixer.Add(c.Endpoint, c.Codec, 101));
        // Another mixer's participant is not this one's.
        MixerParticipant foreign = _rig.Mixer.Add(c.Endpoint, c.Codec, 101);
        Assert.Throws<ArgumentException>(() => mixer.SetRole(foreign, MixerRole.Listener));
        Assert.Throws<ArgumentException>(() => mixer.SetRole(pb, MixerRole.Whisperer, foreign));
        Assert.False(mixer.Remove(foreign));
        Assert.Equal([pa, pb], mixer.Participants);
    }

    /// <summary>One key press as RFC 4733 §2.5 sends it: three updates, then the end packet three times, one timestamp.</summary>
    private static async Task PressKeyAsync(ConferencePhone phone, int payloadType, byte key, uint timestamp, uint ssrc)
    {
        for (int i = 0; i < 6; i++)
        {
            bool end = i >= 3;
            byte[] datagram = TestPhone.Rtp(ssrc, (ushort)(timestamp / 160 + i), timestamp, payloadType, TelephoneEvent.Length);
            new TelephoneEvent { Event = key, End = end, Volume = 10, Duration = (ushort)(end ? 960 : 320 * (i + 1)) }.Write(datagram.AsSpan(12));
            phone.Send(datagram);
            await Task.Delay(20);
        }
    }
}
