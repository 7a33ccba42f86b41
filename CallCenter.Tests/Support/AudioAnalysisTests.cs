namespace CallCenter.Tests.Support;

public sealed class AudioAnalysisTests
{
    [Theory]
    [InlineData(440)]
    [InlineData(1000)]
    [InlineData(3000)]
    public void DominantFindsTheToneOfASine(double frequency)
    {
        var samples = AudioAnalysis.Sine(frequency, 1600);
        Assert.Equal(frequency, AudioAnalysis.Dominant(samples));
    }

    [Fact]
    public void PowerOfAMissingFrequencyIsSmallAgainstThePresentOne()
    {
        var samples = AudioAnalysis.Sine(1000, 1600);
        Assert.True(AudioAnalysis.Power(samples, 1000) > 100 * AudioAnalysis.Power(samples, 440));
    }
}
