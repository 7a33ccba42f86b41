using System.Buffers;
using System.Diagnostics;
using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Tests.Sip.Messages;

/// <summary>Mutated corpus messages (bit flips, insertions, deletions, truncations, duplicated lines) never make the
/// parser or the framer throw or run away.</summary>
public class SipParserFuzzTests
{
    private const string Specials = "\r\n :;,<>\"\\%@0/=";

    [Fact]
    public void MutatedCorpusMessagesNeverThrowOrHang()
    {
        var corpus = Rfc4475Corpus.AllNames().Select(Rfc4475Corpus.Read).ToArray();
        var random = new Random(4475);
        var stopwatch = Stopwatch.StartNew();
        var parsed = 0;
        for (var iteration = 0; iteration < 100_000; iteration++)
        {
            var data = Mutate(corpus[random.Next(corpus.Length)], random);
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

    private static byte[] Mutate(byte[] source, Random random)
    {
        var data = new List<byte>(source);
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations && data.Count > 0; m++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data.Insert(at, (byte)Specials[random.Next(Specials.Length)]);
                    break;
                case 2:
                    data.RemoveAt(at);
                    break;
                case 3:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 4:
                    data.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    // Duplicate a header line.
                    var lineStart = data.LastIndexOf((byte)'\n', at) + 1;
                    var lineEnd = data.IndexOf((byte)'\n', at);
                    if (lineEnd > lineStart)
                    {
                        data.InsertRange(lineStart, data.GetRange(lineStart, lineEnd - lineStart + 1));
                    }
                    break;
            }
        }
        return data.ToArray();
    }
}
