using System.Net;
using System.Text.Json;

using CallCenter.Tests.Support;

namespace CallCenter.Tests.Web;

[Collection(WebAppCollection.Name)]
public sealed class HealthzTests(CallCenterWebFactory app)
{
    [Fact]
    public async Task HealthzNamesEachComponentAndReportsTheSipListeners()
    {
        using var client = app.CreateBrowser();
        JsonElement body = default;
        HttpStatusCode status = default;
        // The Hangfire server announces itself a moment after start.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var response = await client.GetAsync("/healthz");
            status = response.StatusCode;
            body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (status == HttpStatusCode.OK)
            {
                break;
            }
            await Task.Delay(200);
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var components = body.GetProperty("components");
        Assert.Equal("Healthy", components.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", components.GetProperty("jobs").GetProperty("status").GetString());
        Assert.Equal("Healthy", components.GetProperty("sip").GetProperty("status").GetString());
        Assert.Contains("UDP:127.0.0.1:", components.GetProperty("sip").GetProperty("description").GetString());
        Assert.Contains("TCP:127.0.0.1:", components.GetProperty("sip").GetProperty("description").GetString());
    }
}
