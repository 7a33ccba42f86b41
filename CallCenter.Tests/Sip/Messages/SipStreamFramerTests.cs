using System.Buffers;
using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Tests.Sip.Messages;

/// <summary>The TCP framer: every prefix is incomplete, any split parses, several messages come out one by one.</summary>
public class SipStreamFramerTests
{
    // Stream framing needs Content-Length: these corpus messages carry a correct one.
    public static TheoryData<string> Framable() => new("wsinv", "esc01", "longreq", "mpart01", "noreason", "semiuri", "transports");

    private static byte[] Canonical(string name)
    {
        Assert.True(SipMessageParser.TryParse(Rfc4475Corpus.Read(name), out var message, out _));
        return message!.ToArray();
    }

    [Theory]
    [MemberData(nameof(Framable))]
    public void EveryPrefixIsIncompleteAndTheWholeParses(string name)
    {
        var data = Rfc4475Corpus.Read(name);
        for (var n = 0; n < data.Length; n++)
        {
            var buffer = new ReadOnlySequence<byte>(data, 0, n);
            var before = buffer;
            Assert.False(SipStreamFramer.TryReadMessage(ref buffer, out var message, out var error), $"prefix {n}");
            Assert.Equal(SipParseError.None, error);
            Assert.Null(message);
            Assert.Equal(before.Length, buffer.Length + (before.Length - buffer.Length));
        }
        var whole = new ReadOnlySequence<byte>(data);
        Assert.True(SipStreamFramer.TryReadMessage(ref whole, out var parsed, out var wholeError), wholeError.ToString());
        Assert.NotNull(parsed);
        Assert.True(whole.IsEmpty);
    }

    [Theory]
    [MemberData(nameof(Framable))]
    public void MessageSplitAtEveryByteIntoTwoSegmentsParses(string name)
    {
        var data = Rfc4475Corpus.Read(name);
        for (var split = 1; split < data.Length; split++)
        {
            var buffer = TwoSegments(data, split);
            Assert.True(SipStreamFramer.TryReadMessage(ref buffer, out var message, out var error), $"split {split}: {error}");
            Assert.Equal(Canonical(name), message!.ToArray());
            Assert.True(buffer.IsEmpty);
        }
    }

    [Fact]
    public void SeveralMessagesInOneBufferComeOutOneByOneWithKeepAlivesSkipped()
    {
        var names = new[] { "wsinv", "noreason", "esc01", "transports" };
        var stream = new List<byte>("\r\n\r\n"u8.ToArray());
        foreach (var name in names)
        {
            stream.AddRange(Rfc4475Corpus.Read(name));
            stream.AddRange("\r\n"u8.ToArray());
        }
        var buffer = new ReadOnlySequence<byte>(stream.ToArray());
        foreach (var name in names)
        {
            Assert.True(SipStreamFramer.TryReadMessage(ref buffer, out SequencePosition examined, out SipParseResult result), name);
            Assert.Equal(Canonical(name), result.Message!.ToArray());
            Assert.Equal(buffer.Start, examined);
        }
        Assert.False(SipStreamFramer.TryReadMessage(ref buffer, out var none, out var error));
        Assert.Null(none);
        Assert.Equal(SipParseError.None, error);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void MissingContentLengthOnAStreamIsAFramingError()
    {
        var buffer = new ReadOnlySequence<byte>(Rfc4475Corpus.Read("inv2543"));
        Assert.False(SipStreamFramer.TryReadMessage(ref buffer, out _, out var error));
        Assert.Equal(SipParseError.ContentLength, error);
        Assert.True(error.IsFramingError());
    }

    [Fact]
    public void EndlessHeaderIsTooLarge()
    {
        var data = new byte[70_000];
        "OPTIONS sip:a@b SIP/2.0\r\nX: "u8.CopyTo(data);
        data.AsSpan(30).Fill((byte)'a');
        var buffer = new ReadOnlySequence<byte>(data);
        Assert.False(SipStreamFramer.TryReadMessage(ref buffer, out _, out var error));
        Assert.Equal(SipParseError.TooLarge, error);
    }

    private static ReadOnlySequence<byte> TwoSegments(byte[] data, int split)
    {
        var first = new Segment(data.AsMemory(0, split), 0);
        var second = first.Append(data.AsMemory(split));
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
