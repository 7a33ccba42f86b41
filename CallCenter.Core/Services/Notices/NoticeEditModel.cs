namespace CallCenter.Core.Services.Notices;

/// <summary>The notice form; property names are the field names of <see cref="NoticeResult.Errors"/>.</summary>
public sealed class NoticeEditModel
{
    /// <summary>The notice to update; ignored when creating.</summary>
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>True: every user; false: the users whose agent is in one of <see cref="GroupIds"/>.</summary>
    public bool ToEveryone { get; set; } = true;

    public List<Guid> GroupIds { get; set; } = [];

    /// <summary>When it appears in the inboxes; null: now.</summary>
    public DateTimeOffset? PublishAt { get; set; }

    /// <summary>When it disappears from the inboxes; null: never. Must be after <see cref="PublishAt"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The version the editor loaded; ignored when creating.</summary>
    public Guid Version { get; set; }
}
