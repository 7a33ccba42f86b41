using CallCenter.Telephony.Media;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Media;

public class MediaServiceRegistrationTests
{
    [Fact]
    public void AddMediaRegistersOneClockAllocatorAndFactory()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CallCenter:Rtp:PortMin"] = "30000",
            ["CallCenter:Rtp:PortMax"] = "30009",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(config).AddLogging();
        services.AddMedia();
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<MediaClock>(), provider.GetRequiredService<MediaClock>());
        Assert.Equal(5, provider.GetRequiredService<RtpPortAllocator>().Capacity);
        Assert.IsType<MediaFactory>(provider.GetRequiredService<IMediaFactory>());
    }
}
