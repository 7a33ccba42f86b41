namespace CallCenter.Core.Services.Admin;

/// <summary>The group form (坐席组); property names are the field names of <see cref="AdminResult.Errors"/>.</summary>
public sealed class AgentGroupEditModel
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<GroupMemberInput> Members { get; set; } = [];
    /// <summary>The version the editor loaded; ignored when creating.</summary>
    public Guid Version { get; set; }
}
