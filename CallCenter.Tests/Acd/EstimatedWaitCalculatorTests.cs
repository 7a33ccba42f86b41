using CallCenter.Telephony.Acd;

namespace CallCenter.Tests.Acd;

public class EstimatedWaitCalculatorTests
{
    private static readonly TimeSpan Default = TimeSpan.FromSeconds(180);

    [Fact]
    public void WithoutHistoryTheDefaultHandleTimeIsUsed()
    {
        Assert.Equal(TimeSpan.FromSeconds(180), EstimatedWaitCalculator.Estimate(1, 0, [], Default));
        Assert.Equal(TimeSpan.FromSeconds(360), EstimatedWaitCalculator.Estimate(3, 2, [], Default));
    }

    [Fact]
    public void PositionsAreSharedAmongAgentsRoundedUp()
    {
        TimeSpan[] history = [TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)];
        Assert.Equal(TimeSpan.FromSeconds(90), EstimatedWaitCalculator.Estimate(1, 3, history, Default));
        Assert.Equal(TimeSpan.FromSeconds(90), EstimatedWaitCalculator.Estimate(3, 3, history, Default));
        Assert.Equal(TimeSpan.FromSeconds(180), EstimatedWaitCalculator.Estimate(4, 3, history, Default));
        Assert.Equal(TimeSpan.Zero, EstimatedWaitCalculator.Estimate(0, 3, history, Default));
    }
}
