using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace CallCenter.Telephony.Recording;

/// <summary>
/// Runs the recorders' writers (decoding, timeline, Opus encoding: the costly part of recording) on a few dedicated
/// threads of lower scheduling priority than the rest of the process, so that under load the kernel gives the CPU
/// to the RTP receive loops and the SIP stack first: a recorder that falls behind drops packets at its own bounded
/// hand-off (counted), the live calls lose nothing. On Linux each thread lowers its own nice value (setpriority on
/// its thread id, which any process may do); elsewhere the .NET thread priority is used.
/// </summary>
public sealed class RecordingWriterScheduler : TaskScheduler, IDisposable
{
    /// <summary>The nice value of the writer threads (Linux: 0 is normal, 19 the lowest).</summary>
    public const int Nice = 10;

    private readonly BlockingCollection<Task> _tasks = [];
    private readonly Thread[] _threads;

    /// <summary>The scheduler of the process's recorders.</summary>
    public static RecordingWriterScheduler Shared { get; } = new(Environment.ProcessorCount);

    /// <summary>Starts <paramref name="threads"/> writer threads.</summary>
    public RecordingWriterScheduler(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Run) { IsBackground = true, Name = $"RecordingWriter{i}", Priority = ThreadPriority.BelowNormal };
            _threads[i].Start();
        }
    }

    /// <inheritdoc />
    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <inheritdoc />
    public void Dispose() => _tasks.CompleteAdding();

    /// <inheritdoc />
    protected override void QueueTask(Task task) => _tasks.Add(task);

    /// <inheritdoc />
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        // Only on our own threads: a media or SIP thread must never end up encoding.
        Thread.CurrentThread.Name?.StartsWith("RecordingWriter", StringComparison.Ordinal) == true && TryExecuteTask(task);

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks() => [.. _tasks];

    private void Run()
    {
        if (OperatingSystem.IsLinux())
        {
            // PRIO_PROCESS with a thread id sets that one thread's nice value (setpriority(2), Linux).
            _ = SetPriority(0, GetThreadId(), Nice);
        }
        foreach (var task in _tasks.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
