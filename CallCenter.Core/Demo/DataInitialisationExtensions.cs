using CallCenter.Core.Options;
using CallCenter.Core.Services.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Demo;

public static class DataInitialisationExtensions
{
    /// <summary>
    /// The start-up data step, run once the schema is up to date: ensures the roles and the first
    /// admin, then seeds the demo organisation when CallCenter:Demo:Enabled. Safe on every start.
    /// </summary>
    public static async Task InitialiseCallCenterDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var provider = scope.ServiceProvider;
            await provider.GetRequiredService<AdminBootstrapper>().EnsureRolesAndAdminAsync(cancellationToken).ConfigureAwait(false);
            if (provider.GetRequiredService<IOptions<CallCenterOptions>>().Value.Demo.Enabled)
            {
                await provider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
