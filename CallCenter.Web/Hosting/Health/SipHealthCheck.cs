using CallCenter.Telephony.Sip.Transport;

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallCenter.Web.Hosting.Health;

/// <summary>
/// The "sip" component of /healthz: Healthy while the UDP and TCP listeners are bound, Unhealthy before
/// start, after a bind failure (the port is taken) or once stopped. The data names the bound end points
/// and the inbound drop counter.
/// </summary>
internal sealed class SipHealthCheck(ISipTransport transport) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["udp"] = transport.UdpEndPoint?.ToString() ?? "",
            ["tcp"] = transport.TcpEndPoint?.ToString() ?? "",
            ["inboundDropped"] = transport.InboundDropped,
            ["tcpConnections"] = transport.TcpConnectionCount,
        };
        var result = transport.State switch
        {
            SipTransportState.Running when transport.UdpEndPoint is not null && transport.TcpEndPoint is not null =>
                HealthCheckResult.Healthy($"SIP listening on {transport.UdpEndPoint} and {transport.TcpEndPoint}", data),
            SipTransportState.Failed => HealthCheckResult.Unhealthy(transport.FailureReason ?? "SIP listener failed", data: data),
            SipTransportState.NotStarted => HealthCheckResult.Unhealthy("SIP listener not started", data: data),
            _ => HealthCheckResult.Unhealthy($"SIP listener {transport.State}", data: data),
        };
        return Task.FromResult(result);
    }
}
