namespace CallCenter.Core.Domain;

public class SurveyAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResponseId { get; set; }
    public Guid QuestionId { get; set; }
    public int Value { get; set; }
}
