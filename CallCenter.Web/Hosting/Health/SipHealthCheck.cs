using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallCenter.Web.Hosting.Health;

/// <summary>
/// Placeholder until the SIP stack exists: reports Degraded (so /healthz stays 200) and says why.
/// The SIP work replaces this class's body with a real check of its listeners; the name "sip" and the
/// registration in HealthCheckExtensions stay.
/// </summary>
internal sealed class SipHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        return Task.FromResult(HealthCheckResult.Degraded("SIP listener is not running yet (the SIP stack is not built)"));
    }
}
