using CallCenter.Telephony.Media.Mixing;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Tests.Media.Mixing;

/// <summary>Who hears whom: three phones on real endpoints, each a tone of its own, told apart by Goertzel power.</summary>
public sealed class ConferenceMixerTests : IDisposable
{
    private const double Low = 400;
    private const double Mid = 1000;
    private const double High = 2500;
    private const int Warmup = 15;
    private const int Window = 75;

    private readonly ConferenceRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task EachSpeakerHearsTheOtherTwoAndNeverItself()
    {
        ConferencePhone a = _rig.Phone(AudioCodec.Pcmu, Low);
        ConferencePhone b = _rig.Phone(AudioCodec.Pcma, Mid);
        ConferencePhone c = _rig.Phone(AudioCodec.Pcmu, High);
        MixerParticipant pa = _rig.Mixer.Add(a.Endpoint, a.Codec, 101);
        MixerParticipant pb = _rig.Mixer.Add(b.Endpoint, b.Codec, 101);
        MixerParticipant pc = _rig.Mixer.Add(c.Endpoint, c.Codec, 101);

        List<ReceivedFrame>[] heard = await MeasureAsync([a, b, c], [a, b, c]);

        ConferenceRig.AssertHears("A", heard[0], [Mid, High], [Low]);
        ConferenceRig.AssertHears("B", heard[1], [Low, High], [Mid]);
        ConferenceRig.AssertHears("C", heard[2], [Low, Mid], [High]);
        // Each in its own codec, on its leg's one stream, numbered without a gap.
        foreach ((ConferencePhone phone, List<ReceivedFrame> frames) in new[] { a, b, c }.Zip(heard))
        {
            Assert.All(frames, f => Assert.Equal((int)phone.Codec, f.PayloadType));
            Assert.All(frames, f => Assert.Equal(phone.Endpoint.OutboundSsrc, f.Ssrc));
            AssertConsecutive(frames);
        }
        Assert.All([pa, pb, pc], p => Assert.True(p.FramesMixed >= Window / 5, $"only {p.FramesMixed} frames mixed"));
        Assert.All([pa, pb, pc], p => Assert.True(p.FramesSent >= Window, $"only {p.FramesSent} frames sent"));
    }

    [Fact]
    public async Task ListenerHearsBothSpeakersAndNeitherSpeakerHearsTheListener()
    {
        ConferencePhone agent = _rig.Phone(AudioCodec.Pcma, Low);
        ConferencePhone customer = _rig.Phone(AudioCodec.Pcmu, Mid);
        ConferencePhone supervisor = _rig.Phone(AudioCodec.Pcma, High);
        _rig.Mixer.Add(agent.Endpoint, agent.Codec, 101);
        _rig.Mixer.Add(customer.Endpoint, customer.Codec, 101);
        MixerParticipant listener = _rig.Mixer.Add(supervisor.Endpoint, supervisor.Codec, 101, MixerRole.Listener);

        // The supervisor's phone sends its tone too (an open microphone): monitoring must keep it out.
        List<ReceivedFrame>[] heard = await MeasureAsync([agent, customer, supervisor], [agent, customer, supervisor]);

        ConferenceRig.AssertHears("agent", heard[0], [Mid], [Low, High]);
        ConferenceRig.AssertHears("customer", heard[1], [Low], [Mid, High]);
        ConferenceRig.AssertHears("supervisor", heard[2], [Low, Mid], [High]);
        Assert.True(listener.FramesReceived > 0, "the listener's audio was not even received");
    }

    [Fact]
    public async Task WhispererIsHeardOnlyByItsTargetUntilItBargesIn()
    {
        ConferencePhone agent = _rig.Phone(AudioCodec.Pcmu, Low);
        ConferencePhone customer = _rig.Phone(AudioCodec.Pcma, Mid);
        ConferencePhone supervisor = _rig.Phone(AudioCodec.Pcmu, High);
        MixerParticipant pAgent = _rig.Mixer.Add(agent.Endpoint, agent.Codec, 101);
        _rig.Mixer.Add(customer.Endpoint, customer.Codec, 101);
        MixerParticipant whisperer = _rig.Mixer.Add(supervisor.Endpoint, supervisor.Codec, 101, MixerRole.Whisperer, pAgent);
        Assert.Same(pAgent, whisperer.WhisperTarget);

        List<ReceivedFrame>[] whisper = await MeasureAsync([agent, customer, supervisor], [agent, customer, supervisor]);

        ConferenceRig.AssertHears("agent (whisper)", whisper[0], [Mid, High], [Low]);
        ConferenceRig.AssertHears("customer (whisper)", whisper[1], [Low], [Mid, High]);
        ConferenceRig.AssertHears("supervisor (whisper)", whisper[2], [Low, Mid], [High]);

        // Barge: the same participant, streams unbroken, now heard by everyone.
        _rig.Mixer.SetRole(whisperer, MixerRole.Speaker);
        Assert.Equal(MixerRole.Speaker, whisperer.Role);
        Assert.Null(whisperer.WhisperTarget);
        List<ReceivedFrame>[] barge = await MeasureAsync([agent, customer, supervisor], [agent, customer, supervisor]);

        ConferenceRig.AssertHears("agent (barge)", barge[0], [Mid, High], [Low]);
        ConferenceRig.AssertHears("customer (barge)", barge[1], [Low, High], [Mid]);
        ConferenceRig.AssertHears("supervisor (barge)", barge[2], [Low, Mid], [High]);
        foreach (ConferencePhone phone in new[] { agent, customer, supervisor })
        {
            List<ReceivedFrame> all = phone.Received();
            Assert.All(all, f => Assert.Equal(phone.Endpoint.OutboundSsrc, f.Ssrc));
            AssertConsecutive(all);
        }
    }

    [Fact]
    public async Task ParticipantThatSendsNothingIsSilenceNotAStall()
    {
        ConferencePhone a = _rig.Phone(AudioCodec.Pcmu, Low);
        ConferencePhone b = _rig.Phone(AudioCodec.Pcma, Mid);
        ConferencePhone held = _rig.Phone(AudioCodec.Pcmu, High);
        _rig.Mixer.Add(a.Endpoint, a.Codec, 101);
        _rig.Mixer.Add(b.Endpoint, b.Codec, 101);
        MixerParticipant pHeld = _rig.Mixer.Add(held.Endpoint, held.Codec, 101);

        List<ReceivedFrame>[] heard = await MeasureAsync([a, b], [a, b, held]);

        ConferenceRig.AssertHears("A", heard[0], [Mid], [Low, High]);
        ConferenceRig.AssertHears("B", heard[1], [Low], [Mid, High]);
        ConferenceRig.AssertHears("held phone", heard[2], [Low, Mid], [High]);
        Assert.Equal(0, pHeld.FramesReceived);
        Assert.Equal(0, pHeld.FramesMixed);
        Assert.True(pHeld.SilentFrames >= Window, $"{pHeld.SilentFrames} silent frames for a phone that sent nothing");
    }

    /// <summary>Talks for a warm-up, then records what each listener receives over <see cref="Window"/> frames of talk.</summary>
    internal static async Task<List<ReceivedFrame>[]> MeasureAsync(ConferencePhone[] talkers, ConferencePhone[] listeners)
    {
        await ConferenceRig.TalkAsync(Warmup, talkers);
        int[] from = listeners.Select(p => p.ReceivedCount).ToArray();
        await ConferenceRig.TalkAsync(Window, talkers);
        int[] to = listeners.Select(p => p.ReceivedCount).ToArray();
        return listeners.Select((p, i) => p.Received(from[i], to[i])).ToArray();
    }

    internal static void AssertConsecutive(IReadOnlyList<ReceivedFrame> frames)
    {
        for (int i = 1; i < frames.Count; i++)
        {
            Assert.True((ushort)(frames[i - 1].Sequence + 1) == frames[i].Sequence, $"sequence {frames[i - 1].Sequence} then {frames[i].Sequence} at {i}");
        }
    }
}
