using CallCenter.Tests.Support;
using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Audit;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Core.Services.Admin;

/// <summary>The admin services as the web app composes them, over a private SQLite database with all roles.</summary>
public sealed class AdminTestHost : IDisposable
{
    public const string Realm = "test.callcenter";
    public static readonly AdminActor Actor = new("admin", "10.0.0.9");

    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;

    public AdminTestHost()
    {
        Services = new ServiceCollection();
        AddAdminServices(Services, Database);
        _provider = Services.BuildServiceProvider();
        _scope = _provider.CreateScope();
        using var db = Database.CreateDbContext();
        foreach (var role in Roles.All)
        {
            db.Roles.Add(new AppRole(role) { NormalizedName = role.ToUpperInvariant() });
        }
        db.SaveChanges();
    }

    public SqliteTestDatabase Database { get; } = new();

    /// <summary>The composition, for hosts (bUnit) that build their own container.</summary>
    public ServiceCollection Services { get; }

    public IServiceProvider Provider => _scope.ServiceProvider;
    public UserAdminService Users => Provider.GetRequiredService<UserAdminService>();
    public AgentGroupService Groups => Provider.GetRequiredService<AgentGroupService>();
    public QueueService Queues => Provider.GetRequiredService<QueueService>();
    public DialledNumberService Numbers => Provider.GetRequiredService<DialledNumberService>();
    public AuditService Audit => Provider.GetRequiredService<AuditService>();

    public static void AddAdminServices(IServiceCollection services, IDbContextFactory<CallCenterDbContext> database)
    {
        services.AddLogging();
        services.AddSingleton(database);
        services.AddScoped(_ => database.CreateDbContext());
        services.AddIdentityCore<AppUser>().AddRoles<AppRole>().AddEntityFrameworkStores<CallCenterDbContext>();
        services.AddOptions<SipOptions>().Configure(o => o.Realm = Realm);
        services.AddCallCenterAdmin();
        services.AddSingleton<SipCredentialStore>();
    }

    public static UserEditModel NewAgent(string userName, string extension, string? workNumber = null) => new()
    {
        UserName = userName,
        DisplayName = "测试 " + userName,
        Password = "Demo@2026",
        Roles = [Roles.Agent],
        HasAgent = true,
        WorkNumber = workNumber ?? "W" + extension,
        Extension = extension,
        SipPassword = "sip" + extension + "secret",
    };

    public async Task<Guid> CreateAgentAsync(string userName, string extension)
    {
        var result = await Users.CreateUserAsync(NewAgent(userName, extension), Actor);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + "=" + e.Value)));
        return result.Id!.Value;
    }

    public async Task<Guid> AddSkillAsync(string name)
    {
        await using var db = Database.CreateDbContext();
        var skill = new Skill { Name = name };
        db.Skills.Add(skill);
        await db.SaveChangesAsync();
        return skill.Id;
    }

    public async Task<Guid> AddGroupAsync(string name)
    {
        var result = await Groups.CreateAsync(new AgentGroupEditModel { Name = name }, Actor);
        Assert.True(result.Succeeded);
        return result.Id!.Value;
    }

    public async Task AddIvrFlowAsync(string name)
    {
        await using var db = Database.CreateDbContext();
        db.IvrFlows.Add(new IvrFlow { Name = name });
        await db.SaveChangesAsync();
    }

    public void Dispose()
    {
        _scope.Dispose();
        _provider.Dispose();
        Database.Dispose();
    }
}
