using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Services.Admin;

public sealed class QueueServiceTests : IDisposable
{
    private readonly AdminTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private static QueueEditModel Sales() => new() { Name = "sales", DisplayName = "销售", Strategy = QueueStrategy.Priority };

    [Fact]
    public async Task QueueIsSavedWithGroupsSkillsAndOverflowAndAudited()
    {
        var groupId = await _host.AddGroupAsync("销售组");
        var skillId = await _host.AddSkillAsync("英语");
        await _host.CreateAgentAsync("agent01", "1001");
        var model = Sales();
        model.GroupIds = [groupId];
        model.RequiredSkills = [new SkillLevelInput(skillId, 3)];
        model.OverflowTargetType = RouteTargetType.Extension;
        model.OverflowTarget = "1001";
        model.RecordingRule = RecordingRule.Selective;
        model.RecordingNumbers = "13800138000\n13700137000";

        var result = await _host.Queues.CreateAsync(model, AdminTestHost.Actor);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        var stored = (await _host.Queues.GetAsync(result.Id!.Value))!;
        Assert.Equal([groupId], stored.GroupIds);
        Assert.Equal(3, Assert.Single(stored.RequiredSkills).Level);
        Assert.Equal("13800138000,13700137000", stored.RecordingNumbers);
        await using var db = _host.Database.CreateDbContext();
        var row = await db.AuditLog.SingleAsync(e => e.Action == "queue.create");
        Assert.Equal(("admin", result.Id.ToString()), (row.Actor, row.EntityId));
    }

    [Theory]
    [InlineData("Sales")]
    [InlineData("销售")]
    [InlineData("9sales")]
    [InlineData("sales queue")]
    public async Task QueueNameMustBeARoutingKey(string name)
    {
        var model = Sales();
        model.Name = name;
        await AssertRefusedAsync(model, nameof(QueueEditModel.Name), AdminErrorCodes.Format);
    }

    [Fact]
    public async Task DuplicateQueueNameIsRefused()
    {
        Assert.True((await _host.Queues.CreateAsync(Sales(), AdminTestHost.Actor)).Succeeded);
        await AssertRefusedAsync(Sales(), nameof(QueueEditModel.Name), AdminErrorCodes.Duplicate);
    }

    [Theory]
    [InlineData(nameof(QueueEditModel.RingTimeoutSeconds), 4)]
    [InlineData(nameof(QueueEditModel.RingTimeoutSeconds), 301)]
    [InlineData(nameof(QueueEditModel.WrapUpSeconds), -1)]
    [InlineData(nameof(QueueEditModel.WrapUpSeconds), 601)]
    [InlineData(nameof(QueueEditModel.MaxWaitSeconds), 9)]
    [InlineData(nameof(QueueEditModel.MaxWaitSeconds), 7201)]
    public async Task TimersOutOfRangeAreRefused(string field, int value)
    {
        var model = Sales();
        typeof(QueueEditModel).GetProperty(field)!.SetValue(model, value);
        await AssertRefusedAsync(model, field, AdminErrorCodes.OutOfRange);
    }

    [Theory]
    [InlineData(RouteTargetType.Queue)]
    [InlineData(RouteTargetType.Extension)]
    [InlineData(RouteTargetType.IvrFlow)]
    public async Task OverflowTypeThatNeedsATargetRefusesAMissingOne(RouteTargetType type)
    {
        var model = Sales();
        model.OverflowTargetType = type;
        await AssertRefusedAsync(model, nameof(QueueEditModel.OverflowTarget), AdminErrorCodes.TargetRequired);
    }

    [Fact]
    public async Task OverflowToAQueueThatDoesNotExistIsRefused()
    {
        var model = Sales();
        model.OverflowTargetType = RouteTargetType.Queue;
        model.OverflowTarget = "nowhere";
        await AssertRefusedAsync(model, nameof(QueueEditModel.OverflowTarget), AdminErrorCodes.TargetNotFound);
    }

    [Fact]
    public async Task UnknownGroupAndSkillAndBadMinLevelAreRefused()
    {
        var model = Sales();
        model.GroupIds = [Guid.NewGuid()];
        model.RequiredSkills = [new SkillLevelInput(Guid.NewGuid(), 1)];
        var result = await _host.Queues.CreateAsync(model, AdminTestHost.Actor);
        Assert.Equal(AdminErrorCodes.UnknownGroup, result.Errors[nameof(QueueEditModel.GroupIds)]);
        Assert.Equal(AdminErrorCodes.UnknownSkill, result.Errors[nameof(QueueEditModel.RequiredSkills)]);

        model.GroupIds = [];
        model.RequiredSkills = [new SkillLevelInput(await _host.AddSkillAsync("英语"), 11)];
        await AssertRefusedAsync(model, nameof(QueueEditModel.RequiredSkills), AdminErrorCodes.SkillLevelOutOfRange);
    }

    [Fact]
    public async Task UnreadableBusinessHoursAreRefusedOnTheirField()
    {
        var model = Sales();
        model.BusinessHours = "Mon-Fry 09:00-18:00";

        await AssertRefusedAsync(model, nameof(QueueEditModel.BusinessHours), AdminErrorCodes.BusinessHoursFormat);
    }

    [Fact]
    public async Task BusinessHoursLongerThanTheColumnAreRefused()
    {
        var model = Sales();
        // Canonically "Mon 00:00-00:01,00:01-00:02,..." : 12 characters a range.
        model.BusinessHours = "Mon " + string.Join(',', Enumerable.Range(0, 20).Select(m => $"00:{m:00}-00:{m + 1:00}"));
        Assert.True(model.BusinessHours.Length > AdminRules.BusinessHoursMaxLength);

        await AssertRefusedAsync(model, nameof(QueueEditModel.BusinessHours), AdminErrorCodes.TooLong);
    }

    [Fact]
    public async Task BusinessHoursAreSavedInCanonicalFormAndEmptyMeansAlwaysOpen()
    {
        var model = Sales();
        model.BusinessHours = " mon - fri 9:00-18:00\nsat 09:00-12:00 ";

        var result = await _host.Queues.CreateAsync(model, AdminTestHost.Actor);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        var id = result.Id!.Value;
        var stored = (await _host.Queues.GetAsync(id))!;
        Assert.Equal("Mon-Fri 09:00-18:00; Sat 09:00-12:00", stored.BusinessHours);
        await using (var db = _host.Database.CreateDbContext())
        {
            Assert.Contains("hours=Mon-Fri 09:00-18:00; Sat 09:00-12:00", (await db.AuditLog.SingleAsync(e => e.Action == "queue.create")).Details);
        }

        stored.BusinessHours = "  ";
        Assert.True((await _host.Queues.UpdateAsync(stored, AdminTestHost.Actor)).Succeeded);

        await using (var db = _host.Database.CreateDbContext())
        {
            Assert.Null((await db.Queues.SingleAsync(q => q.Id == id)).BusinessHours);
        }
    }

    [Fact]
    public async Task SecondEditorOfAQueueGetsConflictAndFirstEditStays()
    {
        var id = (await _host.Queues.CreateAsync(Sales(), AdminTestHost.Actor)).Id!.Value;
        var first = (await _host.Queues.GetAsync(id))!;
        var second = (await _host.Queues.GetAsync(id))!;
        first.RingTimeoutSeconds = 20;
        second.RingTimeoutSeconds = 30;

        Assert.True((await _host.Queues.UpdateAsync(first, AdminTestHost.Actor)).Succeeded);
        var result = await _host.Queues.UpdateAsync(second, AdminTestHost.Actor);

        Assert.Equal(AdminResultStatus.Conflict, result.Status);
        Assert.Equal(20, (await _host.Queues.GetAsync(id))!.RingTimeoutSeconds);
        Assert.Equal(AdminResultStatus.Conflict, (await _host.Queues.DeleteAsync(id, second.Version, AdminTestHost.Actor)).Status);
    }

    [Fact]
    public async Task ChangingOnlyTheGroupsStillBumpsTheVersion()
    {
        var id = (await _host.Queues.CreateAsync(Sales(), AdminTestHost.Actor)).Id!.Value;
        var first = (await _host.Queues.GetAsync(id))!;
        var stale = first.Version;
        first.GroupIds = [await _host.AddGroupAsync("销售组")];

        Assert.True((await _host.Queues.UpdateAsync(first, AdminTestHost.Actor)).Succeeded);

        Assert.NotEqual(stale, (await _host.Queues.GetAsync(id))!.Version);
    }

    private async Task AssertRefusedAsync(QueueEditModel model, string field, string code)
    {
        var result = await _host.Queues.CreateAsync(model, AdminTestHost.Actor);
        Assert.Equal(AdminResultStatus.Invalid, result.Status);
        Assert.True(result.Errors.TryGetValue(field, out var actual), $"no error on {field}: {string.Join(", ", result.Errors)}");
        Assert.Equal(code, actual);
    }
}
