using CallCenter.Core.Domain;
using CallCenter.Core.Services.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallCenter.Tests.Core.Demo;

public sealed class AdminBootstrapperTests
{
    [Fact]
    public async Task AllFiveRolesExistAfterBootstrap()
    {
        await using var host = new DemoTestHost(demoEnabled: false);
        await BootstrapAsync(host);

        await using var scope = host.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in new[] { "Agent", "ShiftLeader", "Supervisor", "Manager", "Admin" })
        {
            Assert.True(await roles.RoleExistsAsync(role), role);
        }
        Assert.Equal(5, roles.Roles.Count());
    }

    [Fact]
    public async Task ConfiguredInitialPasswordWinsEvenInTheDemo()
    {
        await using var host = new DemoTestHost(demoEnabled: true, initialPassword: "Configured#Pass1");
        await BootstrapAsync(host);

        Assert.True(await AdminSignsInWithAsync(host, "Configured#Pass1"));
        Assert.False(await AdminSignsInWithAsync(host, "Demo@2026"));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("Configured#Pass1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoPasswordWhenTheDemoIsEnabledAndNoneIsConfigured()
    {
        await using var host = new DemoTestHost(demoEnabled: true);
        await BootstrapAsync(host);

        Assert.True(await AdminSignsInWithAsync(host, "Demo@2026"));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task GeneratedPasswordIsStrongAndLoggedOnceAtWarning()
    {
        await using var host = new DemoTestHost(demoEnabled: false);
        await BootstrapAsync(host);
        await BootstrapAsync(host);

        var warning = Assert.Single(host.Logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, warning.Level);
        var password = Assert.IsType<string>(warning.Properties["Password"]);
        Assert.Contains(password, warning.Message, StringComparison.Ordinal);
        Assert.True(password.Length >= 16);
        Assert.Contains(password, char.IsUpper);
        Assert.Contains(password, char.IsLower);
        Assert.Contains(password, char.IsDigit);
        Assert.Contains(password, c => !char.IsLetterOrDigit(c));
        Assert.NotEqual("Demo@2026", password);
        Assert.True(await AdminSignsInWithAsync(host, password));
        // Shown once means nowhere else either: not in any other log entry.
        Assert.Single(host.Logs.Entries, e => e.Message.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnExistingAdminIsLeftAlone()
    {
        await using var host = new DemoTestHost(demoEnabled: true, initialPassword: "Second#Pass2");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>();
            await roles.CreateAsync(new AppRole("Admin"));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = new AppUser { UserName = "admin", DisplayName = "Existing" };
            Assert.True((await users.CreateAsync(admin, "First#Pass1")).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, "Admin")).Succeeded);
        }

        await BootstrapAsync(host);

        Assert.True(await AdminSignsInWithAsync(host, "First#Pass1"));
        Assert.False(await AdminSignsInWithAsync(host, "Second#Pass2"));
    }

    private static async Task BootstrapAsync(DemoTestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureRolesAndAdminAsync();
    }

    private static async Task<bool> AdminSignsInWithAsync(DemoTestHost host, string password)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByNameAsync("admin");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, "Admin"));
        return await users.CheckPasswordAsync(admin, password);
    }
}
