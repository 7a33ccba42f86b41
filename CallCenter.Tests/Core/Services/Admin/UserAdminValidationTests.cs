using CallCenter.Core.Services.Admin;

namespace CallCenter.Tests.Core.Services.Admin;

public sealed class UserAdminValidationTests : IDisposable
{
    private readonly AdminTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task DuplicateUserNameIsRefused()
    {
        await _host.CreateAgentAsync("agent01", "1001");
        await AssertRefusedAsync(AdminTestHost.NewAgent("AGENT01", "1002"), nameof(UserEditModel.UserName), AdminErrorCodes.Duplicate);
    }

    [Fact]
    public async Task DuplicateWorkNumberIsRefused()
    {
        await _host.CreateAgentAsync("agent01", "1001");
        await AssertRefusedAsync(AdminTestHost.NewAgent("agent02", "1002", workNumber: "W1001"), nameof(UserEditModel.WorkNumber), AdminErrorCodes.Duplicate);
    }

    [Fact]
    public async Task DuplicateExtensionIsRefused()
    {
        await _host.CreateAgentAsync("agent01", "1001");
        await AssertRefusedAsync(AdminTestHost.NewAgent("agent02", "1001", workNumber: "W2"), nameof(UserEditModel.Extension), AdminErrorCodes.Duplicate);
    }

    [Theory]
    [InlineData("10a1")]
    [InlineData("１００１")]
    [InlineData("1")]
    public async Task ExtensionMustBeDigits(string extension) =>
        await AssertRefusedAsync(AdminTestHost.NewAgent("agent01", extension, workNumber: "W1"), nameof(UserEditModel.Extension), AdminErrorCodes.NotDigits);

    [Fact]
    public async Task SipPasswordUnderTenCharactersIsRefused()
    {
        var model = AdminTestHost.NewAgent("agent01", "1001");
        model.SipPassword = "123456789";
        await AssertRefusedAsync(model, nameof(UserEditModel.SipPassword), AdminErrorCodes.TooShort);
    }

    [Fact]
    public async Task NewAgentNeedsASipPassword()
    {
        var model = AdminTestHost.NewAgent("agent01", "1001");
        model.SipPassword = null;
        await AssertRefusedAsync(model, nameof(UserEditModel.SipPassword), AdminErrorCodes.Required);
    }

    [Fact]
    public async Task UnknownGroupIsRefused()
    {
        var model = AdminTestHost.NewAgent("agent01", "1001");
        model.Groups = [new GroupMembershipInput(Guid.NewGuid(), 1)];
        await AssertRefusedAsync(model, nameof(UserEditModel.Groups), AdminErrorCodes.UnknownGroup);
    }

    [Fact]
    public async Task UnknownSkillIsRefused()
    {
        var model = AdminTestHost.NewAgent("agent01", "1001");
        model.Skills = [new SkillLevelInput(Guid.NewGuid(), 5)];
        await AssertRefusedAsync(model, nameof(UserEditModel.Skills), AdminErrorCodes.UnknownSkill);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task SkillLevelOutsideOneToTenIsRefused(int level)
    {
        var model = AdminTestHost.NewAgent("agent01", "1001");
        model.Skills = [new SkillLevelInput(await _host.AddSkillAsync("粤语"), level)];
        await AssertRefusedAsync(model, nameof(UserEditModel.Skills), AdminErrorCodes.SkillLevelOutOfRange);
    }

    [Fact]
    public async Task WeakWebPasswordIsRefused()
    {
        var model = AdminTestHost.NewAgent("agent01", "1001");
        model.Password = "abc";
        await AssertRefusedAsync(model, nameof(UserEditModel.Password), AdminErrorCodes.PasswordRejected);
    }

    [Fact]
    public async Task UnknownRoleIsRefused()
    {
        var model = AdminTestHost.NewAgent("agent01", "1001");
        model.Roles = ["Janitor"];
        await AssertRefusedAsync(model, nameof(UserEditModel.Roles), AdminErrorCodes.UnknownRole);
    }

    [Fact]
    public async Task ChangedExtensionNeedsANewSipPasswordBecauseHa1DependsOnIt()
    {
        var userId = await _host.CreateAgentAsync("agent01", "1001");
        var model = (await _host.Users.GetUserAsync(userId))!;
        model.Extension = "1002";

        var result = await _host.Users.UpdateUserAsync(model, AdminTestHost.Actor);

        Assert.Equal(AdminErrorCodes.SipPasswordNeededForNewExtension, result.Errors[nameof(UserEditModel.SipPassword)]);
    }

    private async Task AssertRefusedAsync(UserEditModel model, string field, string code)
    {
        var result = await _host.Users.CreateUserAsync(model, AdminTestHost.Actor);
        Assert.Equal(AdminResultStatus.Invalid, result.Status);
        Assert.True(result.Errors.TryGetValue(field, out var actual), $"no error on {field}: {string.Join(", ", result.Errors)}");
        Assert.Equal(code, actual);
    }
}
