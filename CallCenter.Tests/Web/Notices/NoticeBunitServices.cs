using CallCenter.Core.Data;
using CallCenter.Core.Services.Agents;
using CallCenter.Tests.Core.Services.Notices;
using CallCenter.Tests.Support;
using CallCenter.Web.Hosting.Users;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Web.Notices;

/// <summary>
/// What the notice and work-record components need in a bUnit container (also the menu, which shows the unread
/// badge): the real services over a private SQLite database, the signed-in user per circuit, the notifier.
/// </summary>
public static class NoticeBunitServices
{
    /// <summary>Registers the services over a new database the container owns and disposes.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<SqliteTestDatabase>();
        services.AddSingleton<IDbContextFactory<CallCenterDbContext>>(sp => sp.GetRequiredService<SqliteTestDatabase>());
        AddCommon(services);
    }

    /// <summary>Registers the services over <paramref name="database"/>, which the test keeps and disposes.</summary>
    public static FakeTimeProvider Add(IServiceCollection services, SqliteTestDatabase database)
    {
        var clock = new FakeTimeProvider(NoticeTestHost.Start);
        clock.SetLocalTimeZone(NoticeTestHost.ChinaTime);
        services.AddSingleton<IDbContextFactory<CallCenterDbContext>>(database);
        services.AddSingleton<TimeProvider>(clock);
        AddCommon(services);
        return clock;
    }

    private static void AddCommon(IServiceCollection services)
    {
        services.AddLogging();
        services.AddHttpContextAccessor();
        services.AddCallCenterNoticesAndWorkRecords();
        services.AddSingleton<AgentLookupService>();
        services.AddScoped<CurrentUserService>();
    }

    private static void AddCallCenterNoticesAndWorkRecords(this IServiceCollection services)
    {
        CallCenter.Core.Services.Notices.NoticeServiceCollectionExtensions.AddCallCenterNotices(services);
        CallCenter.Core.Services.WorkRecords.WorkRecordServiceCollectionExtensions.AddCallCenterWorkRecords(services);
    }
}
