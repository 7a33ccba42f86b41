using CallCenter.Core.Hosting;
using CallCenter.Core.Services.Recordings;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Hosting;
using CallCenter.Telephony.Recording;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallCenter.Tests.Recordings;

/// <summary>What the B2BUA will resolve: Telephony alone records nothing; with Core, the catalogue over the database.</summary>
public sealed class RecordingWiringTests
{
    [Fact]
    public void TelephonyAloneRecordsNothingAndCoreSuppliesTheCatalogue()
    {
        var alone = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        alone.AddCallCenterTelephony();
        using var telephony = alone.Build();
        Assert.IsType<NoRecordingCatalog>(telephony.Services.GetRequiredService<IRecordingCatalog>());
        Assert.NotNull(telephony.Services.GetRequiredService<RecordingService>());

        var whole = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        whole.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CallCenter:DataDir"] = Path.GetTempPath() });
        whole.AddCallCenterTelephony();
        whole.AddCallCenterCore();
        using var app = whole.Build();
        Assert.IsType<RecordingCatalog>(app.Services.GetRequiredService<IRecordingCatalog>());
        Assert.NotNull(app.Services.GetRequiredService<RecordingService>());
        Assert.NotNull(app.Services.GetRequiredService<RecordingRecovery>());
        using var scope = app.Services.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<RecordingPlaybackService>());
    }
}
