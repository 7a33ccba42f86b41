using CallCenter.Core.Demo;

namespace CallCenter.Tests.Simulation;

public sealed class DemoSimulationSettingsTests
{
    [Fact]
    public void DefaultAgentListIsTheNineDemoAgentsAfterAgent01() =>
        Assert.Equal(["1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1010"], DemoSimulationSettings.ParseExtensions("1002-1010"));

    [Fact]
    public void ListsAndRangesMixAndRepeatsAreDropped() =>
        Assert.Equal(["1002", "1004", "1005", "1006"], DemoSimulationSettings.ParseExtensions(" 1002, 1004-1006 ,1005"));

    [Theory]
    [InlineData("1010-1002")]
    [InlineData("10a2")]
    [InlineData("1002-")]
    public void MalformedListIsRefused(string list) => Assert.Throws<FormatException>(() => DemoSimulationSettings.ParseExtensions(list));
}
