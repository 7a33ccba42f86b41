using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.ServiceRecords;

/// <summary>
/// A service record (受理记录) as the form edits it; field errors are keyed by these property names. On update only
/// <see cref="Status"/>, <see cref="Content"/> and <see cref="FollowUpAt"/> change.
/// </summary>
public sealed class ServiceRecordEditModel
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }

    /// <summary>The call it was taken on, if any (its recording is then one click away).</summary>
    public Guid? CallId { get; set; }

    /// <summary>The agent who took it, if any.</summary>
    public Guid? AgentId { get; set; }

    /// <summary>One of <see cref="ServiceRecordCategories.All"/>.</summary>
    public string Category { get; set; } = ServiceRecordCategories.Consult;

    public string Content { get; set; } = "";
    public ServiceRecordStatus Status { get; set; } = ServiceRecordStatus.Open;

    /// <summary>When to follow up; not in the past when set or changed.</summary>
    public DateTimeOffset? FollowUpAt { get; set; }

    /// <summary>The version the editor loaded; ignored when creating.</summary>
    public Guid Version { get; set; }
}
