using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.ServiceRecords;

/// <summary>A service record as lists show it, with its call's recording.</summary>
/// <param name="Id">The record.</param>
/// <param name="CustomerId">Whose.</param>
/// <param name="CallId">The call it was taken on, if any.</param>
/// <param name="AgentName">Who took it, if known.</param>
/// <param name="Category">A code of <see cref="ServiceRecordCategories"/> (or an older free text).</param>
/// <param name="Content">What was asked and done.</param>
/// <param name="Status">Open, in progress, resolved, closed.</param>
/// <param name="FollowUpAt">When to follow up.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="RecordingId">The recording of its call, when there is one.</param>
/// <param name="CanPlay">Whether the viewer may play that recording.</param>
/// <param name="Version">The optimistic-concurrency version, for an update.</param>
public sealed record ServiceRecordEntry(
    Guid Id,
    Guid CustomerId,
    Guid? CallId,
    string? AgentName,
    string Category,
    string Content,
    ServiceRecordStatus Status,
    DateTimeOffset? FollowUpAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? RecordingId,
    bool CanPlay,
    Guid Version)
{
    /// <summary>A form model holding this record, to update it.</summary>
    public ServiceRecordEditModel ToEditModel() => new()
    {
        Id = Id,
        CustomerId = CustomerId,
        CallId = CallId,
        Category = Category,
        Content = Content,
        Status = Status,
        FollowUpAt = FollowUpAt,
        Version = Version,
    };
}
