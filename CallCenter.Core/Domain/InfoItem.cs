namespace CallCenter.Core.Domain;

/// <summary>An item of the information service (声讯/audiotex): callers key in its code to hear it.</summary>
public class InfoItem : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Digits the caller keys in.</summary>
    public string Code { get; set; } = "";
    public string Category { get; set; } = "";
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public string? PromptFile { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
