namespace CallCenter.Core.Services.Admin;

/// <summary>
/// The user form: a web user and an optional agent profile. Property names are the field names of
/// <see cref="AdminResult.Errors"/>. Passwords are only carried in, never read back.
/// </summary>
public sealed class UserEditModel
{
    /// <summary>Empty for a new user.</summary>
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Web password; required when creating, ignored when editing (use the reset).</summary>
    public string? Password { get; set; }
    public List<string> Roles { get; set; } = [];

    public bool HasAgent { get; set; }
    public string WorkNumber { get; set; } = "";
    public string Extension { get; set; } = "";
    /// <summary>Required for a new agent profile and when the extension changes; otherwise optional.</summary>
    public string? SipPassword { get; set; }
    public List<GroupMembershipInput> Groups { get; set; } = [];
    public List<SkillLevelInput> Skills { get; set; } = [];
    public int? SeatRow { get; set; }
    public int? SeatColumn { get; set; }

    /// <summary>Identity's concurrency stamp of the user as the editor loaded it.</summary>
    public string? UserConcurrencyStamp { get; set; }
    /// <summary>The agent's version as the editor loaded it; null when there was no agent profile.</summary>
    public Guid? AgentVersion { get; set; }
}
