namespace CallCenter.Core.Domain;

/// <summary>A survey question; the answer is a digit in MinValue..MaxValue.</summary>
public class SurveyQuestion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SurveyId { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Prompt file relative to DataDir; null: synthesised from Text.</summary>
    public string? PromptFile { get; set; }
    public int MinValue { get; set; } = 1;
    public int MaxValue { get; set; } = 5;
}
