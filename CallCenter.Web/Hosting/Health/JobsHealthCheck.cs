using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallCenter.Web.Hosting.Health;

/// <summary>Hangfire's storage answers and at least one server (this process or another node) is alive.</summary>
internal sealed class JobsHealthCheck(JobStorage storage) : IHealthCheck
{
    // Hangfire servers send a heartbeat every 30 s by default; twice that without one means gone.
    private static readonly TimeSpan s_heartbeatTimeout = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            var alive = servers.Count(s => s.Heartbeat is { } beat && DateTime.UtcNow - beat < s_heartbeatTimeout);
            return Task.FromResult(alive > 0
                ? HealthCheckResult.Healthy($"{alive} job server(s) alive")
                : HealthCheckResult.Unhealthy("no job server alive"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("job storage unreachable", ex));
        }
    }
}
