namespace CallCenter.Tests.Support;

/// <summary>
/// Mutations of SIP messages for fuzzing, reproducible from the Random's seed: bit flips, inserted
/// SIP punctuation or random bytes, cut spans, truncation, and duplicated header lines (several
/// values in single-value headers).
/// </summary>
internal static class SipMutator
{
    private const string Specials = "\r\n :;,<>\"\\%@0/=";

    public static byte[] Mutate(byte[] message, Random random)
    {
        var data = new List<byte>(message);
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
                    data.RemoveRange(at, Math.Min(random.Next(1, 16), data.Count - at));
                    break;
                case 3:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 4:
                    data.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    var start = data.LastIndexOf((byte)'\n', at) + 1;
                    var end = data.IndexOf((byte)'\n', at);
                    if (end > start)
                    {
                        data.InsertRange(end + 1, data.GetRange(start, end - start + 1));
                    }
                    break;
            }
        }
        return [.. data];
    }
}
