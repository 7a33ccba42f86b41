namespace CallCenter.Core.Domain;

/// <summary>
/// Someone who takes calls: a work number, a SIP extension and the extension's credentials.
/// The SIP password is never stored: only the digest HA1 values (RFC 3261 §22, RFC 8760),
/// H(extension ":" realm ":" password) for MD5 and SHA-256, which is all a registrar needs.
/// </summary>
public class Agent : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? UserId { get; set; }
    public AppUser? User { get; set; }

    /// <summary>工号: the number the business knows the agent by.</summary>
    public string WorkNumber { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>SIP extension (user part of the AOR), unique.</summary>
    public string Extension { get; set; } = "";
    public string SipRealm { get; set; } = "";
    public string SipHa1Md5 { get; set; } = "";
    public string SipHa1Sha256 { get; set; } = "";

    /// <summary>Unanswered offers in a row after which the ACD sets NotReady "missed call".</summary>
    public int MaxMissedOffers { get; set; } = 3;
    /// <summary>Seat on the supervisors' floor map (row, column), if placed.</summary>
    public int? SeatRow { get; set; }
    public int? SeatColumn { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Whether this agent's calls are recorded; null inherits (the precedence: RecordingRules).</summary>
    public RecordingRule? RecordingRule { get; set; }
    /// <summary>Numbers recorded when RecordingRule is Selective, comma or newline separated.</summary>
    public string? RecordingNumbers { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<AgentGroupMember> Groups { get; set; } = [];
    public List<AgentSkill> Skills { get; set; } = [];
}
