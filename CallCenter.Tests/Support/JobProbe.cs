using System.Collections.Concurrent;

namespace CallCenter.Tests.Support;

/// <summary>
/// A job body for Hangfire tests: the test awaits <see cref="Expect"/>, the job calls <see cref="Signal"/>.
/// Static and public because Hangfire stores the call by type and method name and invokes it on a worker.
/// </summary>
public static class JobProbe
{
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource> s_signals = new();

    public static Task Expect(Guid id)
    {
        return s_signals.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }

    public static void Signal(Guid id)
    {
        s_signals.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
