using Bunit;
using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Calls.Control;
using CallCenter.Tests.Support;
using CallCenter.Web.Components.Pages.Workspace;
using CallCenter.Web.Hosting.Workspace;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Web.Workspace;

/// <summary>The phone bar enables exactly the actions the engine allows in each call state, and Ready/NotReady by the agent's state.</summary>
public sealed class PhoneBarTests : WebBunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] CallButtons =
        ["hangup", "hold", "resume", "blindtransfer", "consult", "completetransfer", "cancelconsult", "conferenceadd", "startrecording", "stoprecording"];

    public PhoneBarTests() => Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));

    [Theory]
    [InlineData(AgentCallState.Ringing, AgentCallActions.None, new string[0])]
    [InlineData(AgentCallState.Talking,
        AgentCallActions.Hangup | AgentCallActions.Hold | AgentCallActions.BlindTransfer | AgentCallActions.Consult | AgentCallActions.ConferenceAdd
        | AgentCallActions.SendDtmf | AgentCallActions.StopRecording,
        new[] { "hangup", "hold", "blindtransfer", "consult", "conferenceadd", "stoprecording" })]
    [InlineData(AgentCallState.Held, AgentCallActions.Hangup | AgentCallActions.Resume | AgentCallActions.StartRecording,
        new[] { "hangup", "resume", "startrecording" })]
    [InlineData(AgentCallState.Consulting, AgentCallActions.Hangup | AgentCallActions.CompleteTransfer | AgentCallActions.CancelConsult,
        new[] { "hangup", "completetransfer", "cancelconsult" })]
    [InlineData(AgentCallState.Conference, AgentCallActions.Hangup | AgentCallActions.ConferenceDrop, new[] { "hangup" })]
    public void EachCallStateEnablesExactlyItsActions(AgentCallState state, AgentCallActions actions, string[] enabled)
    {
        var status = state == AgentCallState.Ringing ? AgentStatus.Ringing : state == AgentCallState.Held ? AgentStatus.Held : AgentStatus.Talking;
        var bar = Render<PhoneBar>(p => p.Add(b => b.State, Desk(status, Call(state, actions))));

        foreach (var button in CallButtons)
        {
            var disabled = bar.Find($"[data-testid=action-{button}]").HasAttribute("disabled");
            Assert.True(disabled != enabled.Contains(button), $"{state}: {button} should be {(enabled.Contains(button) ? "enabled" : "disabled")}");
        }
        Assert.Equal(state == AgentCallState.Conference, bar.FindAll("[data-testid=action-conferencedrop]").Count == 1);
        Assert.Equal(state == AgentCallState.Talking, !bar.Find("[data-testid=dialpad] button").HasAttribute("disabled"));
        Assert.Contains(state switch
        {
            AgentCallState.Ringing => "来电振铃",
            AgentCallState.Talking => "通话中",
            AgentCallState.Held => "已保持",
            AgentCallState.Consulting => "咨询中",
            _ => "三方通话",
        }, bar.Find("[data-testid=call-state]").TextContent);
    }

    [Theory]
    [InlineData(AgentStatus.Ready, false, true)]
    [InlineData(AgentStatus.NotReady, true, false)]
    [InlineData(AgentStatus.WrapUp, true, true)]
    [InlineData(AgentStatus.LoggedOut, true, false)]
    public void ReadyAndNotReadyFollowTheAgentsState(AgentStatus status, bool readyEnabled, bool notReadyEnabled)
    {
        var bar = Render<PhoneBar>(p => p.Add(b => b.State, Desk(status, null)));

        Assert.Equal(readyEnabled, !bar.Find("[data-testid=ready]").HasAttribute("disabled"));
        Assert.Equal(notReadyEnabled, !bar.Find("[data-testid=not-ready] button").HasAttribute("disabled"));
        Assert.All(CallButtons, b => Assert.True(bar.Find($"[data-testid=action-{b}]").HasAttribute("disabled")));
    }

    [Fact]
    public void ShowsTheCallersNumberCustomerQueueAndTalkTime()
    {
        var call = Call(AgentCallState.Talking, AgentCallActions.Hangup) with
        {
            Caller = new Telephony.Routing.CallerInfo("13800138000") { CustomerName = "张伟" },
            AnsweredAt = Now.AddSeconds(-75),
        };
        var bar = Render<PhoneBar>(p => p.Add(b => b.State, Desk(AgentStatus.Talking, call)));

        Assert.Equal("13800138000", bar.Find("[data-testid=call-number]").TextContent);
        Assert.Equal("张伟", bar.Find("[data-testid=call-customer]").TextContent);
        Assert.Contains("sales", bar.Markup);
        Assert.Equal("01:15", bar.Find("[data-testid=call-timer]").TextContent);
        Assert.Contains("通话中", bar.Find("[data-testid=agent-status]").TextContent);
    }

    [Fact]
    public void AnActionNeedingANumberSaysSoInsteadOfSendingACommand()
    {
        var commands = new List<PhoneCommand>();
        var problems = new List<string>();
        var bar = Render<PhoneBar>(p => p
            .Add(b => b.State, Desk(AgentStatus.Talking, Call(AgentCallState.Talking, AgentCallActions.BlindTransfer | AgentCallActions.Hold)))
            .Add(b => b.OnCommand, c => commands.Add(c))
            .Add(b => b.OnProblem, m => problems.Add(m)));

        bar.Find("[data-testid=action-blindtransfer]").Click();
        bar.Find("[data-testid=action-hold]").Click();
        bar.Find("input[data-testid=target-number]").Change("1005");
        bar.Find("[data-testid=action-blindtransfer]").Click();

        Assert.Equal(["请先输入号码"], problems);
        Assert.Equal([new PhoneCommand(PhoneCommandKind.Hold), new PhoneCommand(PhoneCommandKind.BlindTransfer, "1005")], commands);
    }

    private static DeskState Desk(AgentStatus status, AgentCallView? call) =>
        new("1001", new AgentSnapshot("1001", status, status == AgentStatus.NotReady ? NotReadyReasons.Break : null, call?.CallId, Now, "sales", Now, 0, 0, null, null),
            call, call);

    private static AgentCallView Call(AgentCallState state, AgentCallActions actions) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), state, "13800138000", "4001", "sales", Now.AddSeconds(-10),
            state == AgentCallState.Ringing ? null : Now.AddSeconds(-5), actions.HasFlag(AgentCallActions.StopRecording), null,
            state == AgentCallState.Conference ? [(Guid.CreateVersion7(), "1005")] : [], actions);
}
