using System.Diagnostics;

namespace CallCenter.Telephony.Simulation;

/// <summary>
/// The one media thread of a simulation: every 20 ms it lets each attached <see cref="SimulatedMediaStream"/> read
/// what arrived on its socket (non-blocking) and send its next frame, so a hundred agents and two hundred calls cost
/// one thread, not one per call. Ticks follow an absolute schedule (no drift); after a stall of more than 100 ms the
/// schedule restarts from now instead of sending a burst.
/// </summary>
public sealed class SimulatedMediaClock : IDisposable
{
    /// <summary>The frame time: 20 ms, 160 samples at 8 kHz.</summary>
    public static readonly TimeSpan FrameTime = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private readonly List<SimulatedMediaStream> _streams = [];
    private readonly Thread _thread;
    private SimulatedMediaStream[] _snapshot = [];
    private volatile bool _stopping;
    private long _ticks;
    private long _lateTicks;

    /// <summary>Starts the clock thread.</summary>
    public SimulatedMediaClock()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "simulation-media", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Ticks run so far.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Ticks that started more than 10 ms late (the machine is overloaded: the simulator's timing is off).</summary>
    public long LateTicks => Interlocked.Read(ref _lateTicks);

    /// <summary>Streams attached now.</summary>
    public int StreamCount => Volatile.Read(ref _snapshot).Length;

    internal void Attach(SimulatedMediaStream stream)
    {
        lock (_gate)
        {
            _streams.Add(stream);
            _snapshot = [.. _streams];
        }
    }

    internal void Detach(SimulatedMediaStream stream)
    {
        lock (_gate)
        {
            if (_streams.Remove(stream))
            {
                _snapshot = [.. _streams];
            }
        }
    }

    /// <summary>Stops the thread (streams still attached stop sending).</summary>
    public void Dispose()
    {
        _stopping = true;
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join(TimeSpan.FromSeconds(2));
        }
    }

    private void Run()
    {
        var frame = Stopwatch.Frequency / 50;
        var next = Stopwatch.GetTimestamp() + frame;
        while (!_stopping)
        {
            var now = Stopwatch.GetTimestamp();
            var wait = next - now;
            if (wait > 0)
            {
                // Sleep(0) would spin: at least 1 ms, which Linux honours within a few hundred microseconds.
                Thread.Sleep(Math.Max(1, (int)(wait * 1000 / Stopwatch.Frequency)));
                continue;
            }
            if (-wait > frame / 2)
            {
                Interlocked.Increment(ref _lateTicks);
            }
            next = -wait > 5 * frame ? now + frame : next + frame;
            foreach (var stream in Volatile.Read(ref _snapshot))
            {
                stream.Tick();
            }
            Interlocked.Increment(ref _ticks);
        }
    }
}
