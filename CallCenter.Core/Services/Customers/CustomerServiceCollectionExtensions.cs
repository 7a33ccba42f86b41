using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.ServiceRecords;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Core.Services.Customers;

/// <summary>Registers the customer and service-record services.</summary>
public static class CustomerServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="CustomerService"/> and <see cref="ServiceRecordService"/>, scoped as the audit service they write
    /// through is (each operation still uses its own short-lived context). Needs the database factory.
    /// </summary>
    public static IServiceCollection AddCallCenterCustomers(this IServiceCollection services)
    {
        services.AddCallCenterAdmin();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<CustomerService>();
        services.TryAddScoped<ServiceRecordService>();
        return services;
    }
}
