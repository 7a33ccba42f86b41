using Bunit;

using CallCenter.Core.Domain;
using CallCenter.Tests.Core.Services.Notices;
using CallCenter.Tests.Web.Notices;
using CallCenter.Web.Components.Pages.WorkRecords;

namespace CallCenter.Tests.Web.WorkRecords;

public sealed class WorkRecordsPageTests : NoticeBunitContext
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private async Task<(Guid UserId, Guid AgentId)> SeedAgentWithAMorningAsync()
    {
        var (userId, agentId) = await NoticeTestHost.AddUserAsync(Database, "agent01", "1001");
        await using var db = Database.CreateDbContext();
        db.AgentStateIntervals.AddRange(
            new AgentStateInterval { AgentId = agentId!.Value, State = AgentState.Ready, StartedAt = new(2026, 11, 30, 9, 0, 0, China), EndedAt = new(2026, 11, 30, 9, 30, 0, China) },
            new AgentStateInterval { AgentId = agentId.Value, State = AgentState.NotReady, Reason = "小休", StartedAt = new(2026, 11, 30, 9, 30, 0, China), EndedAt = new(2026, 11, 30, 9, 45, 0, China) });
        await db.SaveChangesAsync();
        return (userId, agentId.Value);
    }

    [Fact]
    public async Task AnAgentSeesTodaysStatesAndTotalsWithoutAnAgentPicker()
    {
        var (userId, _) = await SeedAgentWithAMorningAsync();
        SignIn(userId, "agent01", Roles.Agent);

        var cut = RenderPage<WorkRecordsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=work-interval-row]").Count));
        Assert.Contains("示忙", cut.FindAll("[data-testid=work-interval-row]")[1].TextContent);
        Assert.Equal("00:45:00", cut.Find("[data-testid=work-summary-loggedin]").TextContent.Trim());
        Assert.Equal("00:15:00", cut.Find("[data-testid=work-summary-notready]").TextContent.Trim());
        Assert.Contains("小休", cut.Find("[data-testid=work-notready-reason]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=work-agent]"));
    }

    [Fact]
    public async Task AShiftLeaderPicksAnyAgent()
    {
        await SeedAgentWithAMorningAsync();
        var (leaderId, _) = await NoticeTestHost.AddUserAsync(Database, "supervisor");
        SignIn(leaderId, "supervisor", Roles.Supervisor);

        var cut = RenderPage<WorkRecordsPage>();

        // No agent of its own: the first agent of the list is shown, and the picker offers them all.
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=work-interval-row]").Count));
        Assert.NotEmpty(cut.FindAll("[data-testid=work-agent]"));
    }
}
