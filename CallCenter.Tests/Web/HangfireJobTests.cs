using CallCenter.Core.Jobs;
using CallCenter.Tests.Support;

using Hangfire;
using Hangfire.Storage;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Web;

[Collection(WebAppCollection.Name)]
public sealed class HangfireJobTests(CallCenterWebFactory app)
{
    [Fact]
    public async Task EnqueuedJobRunsOnTheAppsSqliteStorage()
    {
        var storage = app.Services.GetRequiredService<JobStorage>();
        Assert.Equal("SQLiteStorage", storage.GetType().Name);
        var id = Guid.NewGuid();
        var done = JobProbe.Expect(id);

        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => JobProbe.Signal(id));

        await done.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void RecordingPurgeIsARecurringJob()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();
        Assert.Contains(jobs, j => j.Id == RecordingPurgeJob.RecurringJobId && j.Job.Type == typeof(RecordingPurgeJob));
    }
}
