using System.Collections.Concurrent;

using CallCenter.Telephony.Sip.Security;

namespace CallCenter.Tests.Sip.Registrar;

/// <summary>Keeps every security event reported, for assertions.</summary>
internal sealed class RecordingSecurityEventSink : ISecurityEventSink
{
    private readonly ConcurrentQueue<SecurityEvent> _events = new();

    public IReadOnlyList<SecurityEvent> Events => _events.ToArray();

    public void Report(SecurityEvent securityEvent) => _events.Enqueue(securityEvent);
}
