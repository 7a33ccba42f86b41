using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Options;

public class DemoOptions
{
    /// <summary>Seed the demo organisation (idempotent).</summary>
    public bool Enabled { get; set; }

    /// <summary>Simulated callers and agents over real SIP/RTP on loopback (<c>DemoSimulationService</c>); needs
    /// <see cref="Enabled"/>.</summary>
    public bool Simulate { get; set; }

    /// <summary>
    /// The demo extensions the simulation registers as agent phones (they log in with *61 and take calls): a list of
    /// extensions and ranges, e.g. <c>1002-1010</c> or <c>1002,1004-1006</c>. The default leaves 1000 (leader) and 1001
    /// (agent01) to people. Each uses the demo SIP password <c>sip&lt;extension&gt;demo</c>.
    /// </summary>
    public string SimulatedAgents { get; set; } = "1002-1010";

    /// <summary>The mean number of simulated customer calls per minute (a Poisson process) to the demo queues.</summary>
    [Range(0.01, 6000)]
    public double SimulatedCallsPerMinute { get; set; } = 6;
}
