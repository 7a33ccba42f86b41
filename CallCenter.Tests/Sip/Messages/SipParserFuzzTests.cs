using System.Buffers;
using System.Diagnostics;
using CallCenter.Telephony.Sip.Messages;

using CallCenter.Tests.Support;

namespace CallCenter.Tests.Sip.Messages;

/// <summary>Mutated corpus messages (bit flips, insertions, deletions, truncations, duplicated lines) never make the
/// parser or the framer throw or run away.</summary>
public class SipParserFuzzTests
{

    [Fact]
    public void MutatedCorpusMessagesNeverThrowOrHang()
    {
        var corpus = Rfc4475Corpus.AllNames().Select(Rfc4475Corpus.Read).ToArray();
        var random = new Random(4475);
        var stopwatch = Stopwatch.StartNew();
        var parsed = 0;
        for (var iteration = 0; iteration < 100_000; iteration++)
        {
            var data = SipMutator.Mutate(corpus[random.Next(corpus.Length)], random);
            var started = stopwatch.Elapsed;
            var result = SipMessageParser.Parse(data);
            if (result.Success)
            {
                parsed++;
                // Whatever parsed must serialise and parse again.
                Assert.True(SipMessageParser.TryParse(result.Message!.ToArray(), out _, out var error), error.ToString());
            }
            else
            {
                Assert.NotEqual(SipParseError.None, result.Error);
            }
            var sequence = new ReadOnlySequence<byte>(data);
            SipStreamFramer.TryReadMessage(ref sequence, out _, out _);
            Assert.True(stopwatch.Elapsed - started < TimeSpan.FromSeconds(1), $"iteration {iteration} took too long");
        }
        Assert.InRange(parsed, 1, 99_999);
    }

}
