using System.Buffers;
using BenchmarkDotNet.Attributes;
using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Benchmarks;

/// <summary>SIP parsing: parse alone, parse + the transaction keys (top Via branch, Call-ID, CSeq, From tag), and
/// serialisation, for an INVITE with SDP, a REGISTER and a 200 OK. Single-threaded: operations per second are per core.</summary>
[MemoryDiagnoser]
public class SipParseBenchmarks
{
    private readonly ArrayBufferWriter<byte> _writer = new(4096);
    private SipMessage _invite = null!;
    private SipMessage _register = null!;
    private SipMessage _ok = null!;

    [Params("INVITE+SDP", "REGISTER", "200 OK")]
    public string Message { get; set; } = "INVITE+SDP";

    private byte[] Bytes => Message switch
    {
        "INVITE+SDP" => SipSamples.Invite,
        "REGISTER" => SipSamples.Register,
        _ => SipSamples.Ok,
    };

    [GlobalSetup]
    public void Setup()
    {
        SipMessageParser.TryParse(SipSamples.Invite, out var invite, out _);
        SipMessageParser.TryParse(SipSamples.Register, out var register, out _);
        SipMessageParser.TryParse(SipSamples.Ok, out var ok, out _);
        _invite = invite ?? throw new InvalidOperationException("INVITE sample does not parse");
        _register = register ?? throw new InvalidOperationException("REGISTER sample does not parse");
        _ok = ok ?? throw new InvalidOperationException("200 OK sample does not parse");
    }

    [Benchmark(Description = "parse")]
    public SipMessage? Parse()
    {
        SipMessageParser.TryParse(Bytes, out var message, out _);
        return message;
    }

    [Benchmark(Description = "parse + transaction keys")]
    public int ParseAndKeys()
    {
        SipMessageParser.TryParse(Bytes, out var message, out _);
        var branch = message!.TopVia!.Branch;
        var callId = message.CallId;
        var cseq = message.CSeq!.Value;
        var fromTag = message.From!.Tag;
        return branch!.Length + callId!.Length + (int)cseq.Number + fromTag!.Length;
    }

    [Benchmark(Description = "serialise")]
    public int Serialise()
    {
        var message = Message switch
        {
            "INVITE+SDP" => _invite,
            "REGISTER" => _register,
            _ => _ok,
        };
        _writer.ResetWrittenCount();
        message.WriteTo(_writer);
        return _writer.WrittenCount;
    }
}
