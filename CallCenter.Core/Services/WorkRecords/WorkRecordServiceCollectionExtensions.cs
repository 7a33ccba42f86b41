using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Core.Services.WorkRecords;

public static class WorkRecordServiceCollectionExtensions
{
    /// <summary>Registers 工作记录 (<see cref="WorkRecordService"/>). Needs the database factory.</summary>
    public static IServiceCollection AddCallCenterWorkRecords(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<WorkRecordService>();
        return services;
    }
}
