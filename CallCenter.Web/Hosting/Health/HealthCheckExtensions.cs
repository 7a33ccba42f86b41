using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallCenter.Web.Hosting.Health;

/// <summary>GET /healthz: one entry per component (database, sip, jobs); 503 when one is Unhealthy.</summary>
public static class HealthCheckExtensions
{
    public const string Path = "/healthz";

    public static IServiceCollection AddCallCenterHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SipHealthCheck>("sip")
            .AddCheck<JobsHealthCheck>("jobs");
        return services;
    }

    public static IEndpointRouteBuilder MapCallCenterHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResponseWriter = HealthJsonWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                // Degraded still serves calls (e.g. SIP not listening yet): monitors should warn, not restart.
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        return endpoints;
    }
}
