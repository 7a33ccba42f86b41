namespace CallCenter.Core.Domain;

/// <summary>One person's pass through a survey.</summary>
public class SurveyResponse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SurveyId { get; set; }
    public Guid? CallId { get; set; }
    public string Number { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}
