namespace CallCenter.Telephony.Media;

/// <summary>Something driven by the <see cref="MediaClock"/> (timeout checks, prompt players, recorders, mixers).</summary>
public interface IMediaClockListener
{
    /// <summary>Called on the clock thread every 20 ms; must return quickly and never block.</summary>
    /// <param name="tick">The tick number since the clock started.</param>
    void OnTick(long tick);
}
