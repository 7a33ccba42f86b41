namespace CallCenter.Telephony.Sip.Messages;

public static partial class SipMessageParser
{
    internal static SipParseResult ParseCore(ReadOnlySpan<byte> data, SipParserLimits limits, bool stream) =>
        throw new NotImplementedException();
}
