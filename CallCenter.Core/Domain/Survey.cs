namespace CallCenter.Core.Domain;

/// <summary>An outbound or after-call survey: questions answered with the keypad.</summary>
public class Survey : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool IsActive { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<SurveyQuestion> Questions { get; set; } = [];
}
