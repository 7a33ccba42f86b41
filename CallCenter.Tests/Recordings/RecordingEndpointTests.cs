using System.Net;
using System.Net.Http.Headers;

using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Recordings;
using CallCenter.Tests.Support;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Recordings;

[Collection(WebAppCollection.Name)]
public sealed class RecordingEndpointTests(CallCenterWebFactory app)
{
    [Theory]
    [InlineData(Roles.ShiftLeader)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task LeadersPlayAnyRecordingAndEachPlayIsAudited(string role)
    {
        var (id, path) = await RecordingSeed.AddAsync(app, agentId: null);
        using var client = await app.CreateBrowserAsync(role);

        using var response = await client.GetAsync($"/recordings/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/ogg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(path), await response.Content.ReadAsByteArrayAsync());
        var audit = await AuditAsync(id, CallCenterWebFactory.UserNameFor(role));
        var entry = Assert.Single(audit);
        Assert.Equal(RecordingPlaybackService.PlayAction, entry.Action);
        Assert.Equal(nameof(Recording), entry.EntityType);
        Assert.Equal("127.0.0.1", entry.RemoteAddress);
    }

    [Fact]
    public async Task AgentPlaysItsOwnCallsRecordingButNotAnothers()
    {
        var agentId = await RecordingSeed.TestAgentAsync(app);
        var (own, _) = await RecordingSeed.AddAsync(app, agentId);
        var (other, _) = await RecordingSeed.AddAsync(app, agentId: Guid.CreateVersion7());
        using var client = await app.CreateBrowserAsync(Roles.Agent);

        using var ownResponse = await client.GetAsync($"/recordings/{own}");
        using var otherResponse = await client.GetAsync($"/recordings/{other}");

        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        Assert.Equal("audio/ogg", ownResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, otherResponse.StatusCode);
        var agent = CallCenterWebFactory.UserNameFor(Roles.Agent);
        Assert.Equal(RecordingPlaybackService.PlayAction, Assert.Single(await AuditAsync(own, agent)).Action);
        Assert.Equal(RecordingPlaybackService.DeniedAction, Assert.Single(await AuditAsync(other, agent)).Action);
    }

    [Fact]
    public async Task RangeRequestGetsPartialContentWithThoseBytes()
    {
        var (id, path) = await RecordingSeed.AddAsync(app, agentId: null);
        var bytes = await File.ReadAllBytesAsync(path);
        using var client = await app.CreateBrowserAsync(Roles.Supervisor);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/recordings/{id}");
        request.Headers.Range = new RangeHeaderValue(100, 299);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(100, response.Content.Headers.ContentRange?.From);
        Assert.Equal(299, response.Content.Headers.ContentRange?.To);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentRange?.Length);
        Assert.Equal(bytes[100..300], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("range bytes=100-299", Assert.Single(await AuditAsync(id, CallCenterWebFactory.UserNameFor(Roles.Supervisor))).Details);
    }

    [Fact]
    public async Task UnknownRecordingIsNotFoundAndAnonymousIsSentToSignIn()
    {
        var (id, _) = await RecordingSeed.AddAsync(app, agentId: null);
        using var supervisor = await app.CreateBrowserAsync(Roles.Supervisor);
        using var anonymous = app.CreateBrowser();

        using var missing = await supervisor.GetAsync($"/recordings/{Guid.CreateVersion7()}");
        using var signIn = await anonymous.GetAsync($"/recordings/{id}");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/login", Responses.LocationPath(signIn));
        Assert.Empty(await AuditAsync(id, null));
    }

    private async Task<List<AuditLogEntry>> AuditAsync(Guid recordingId, string? actor)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var key = recordingId.ToString();
        return await db.AuditLog.AsNoTracking()
            .Where(e => e.EntityId == key && (actor == null || e.Actor == actor))
            .ToListAsync();
    }
}
