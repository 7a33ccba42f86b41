namespace CallCenter.Core.Options;

public class DemoOptions
{
    /// <summary>Seed the demo organisation (idempotent).</summary>
    public bool Enabled { get; set; }
    /// <summary>Simulated callers and agents over real SIP/RTP on loopback.</summary>
    public bool Simulate { get; set; }
}
