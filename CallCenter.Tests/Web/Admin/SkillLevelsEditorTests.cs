using Bunit;
using CallCenter.Core.Services.Admin;
using CallCenter.Tests.Support;
using CallCenter.Web.Components.Pages.Admin;

namespace CallCenter.Tests.Web.Admin;

public sealed class SkillLevelsEditorTests : WebBunitContext
{
    private static readonly LookupItem English = new(Guid.NewGuid(), "英语");
    private static readonly LookupItem Billing = new(Guid.NewGuid(), "账务");

    [Fact]
    public void TickingASkillAddsItAtTheLowestLevelAndTheLevelCanBeRaised()
    {
        var values = new List<SkillLevelInput>();
        var editor = Render<SkillLevelsEditor>(p => p
            .Add(e => e.Skills, [English, Billing])
            .Add(e => e.Values, values)
            .Add(e => e.LevelLabel, "等级"));
        Assert.Empty(editor.FindAll("input[type=text], input[inputmode]"));

        editor.FindAll("input[type=checkbox]")[1].Change(true);
        Assert.Equal([new SkillLevelInput(Billing.Id, AdminRules.SkillLevelMin)], values);

        editor.Find("input.mud-input-slot").Change("7");
        Assert.Equal([new SkillLevelInput(Billing.Id, 7)], values);

        editor.FindAll("input[type=checkbox]")[1].Change(false);
        Assert.Empty(values);
    }
}
