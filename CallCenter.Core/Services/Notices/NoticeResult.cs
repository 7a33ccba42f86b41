namespace CallCenter.Core.Services.Notices;

/// <summary>
/// The outcome of a change to a notice. Errors map a field name (a <see cref="NoticeEditModel"/> property) to a
/// <see cref="NoticeErrorCodes">code</see> that the page localizes.
/// </summary>
public sealed class NoticeResult
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private NoticeResult(NoticeResultStatus status, Guid? id, IReadOnlyDictionary<string, string> errors)
    {
        Status = status;
        Id = id;
        Errors = errors;
    }

    public NoticeResultStatus Status { get; }

    /// <summary>The notice's id, when saved.</summary>
    public Guid? Id { get; }

    public IReadOnlyDictionary<string, string> Errors { get; }

    public bool Succeeded => Status == NoticeResultStatus.Ok;

    public static NoticeResult Ok(Guid id) => new(NoticeResultStatus.Ok, id, NoErrors);

    public static NoticeResult Invalid(IReadOnlyDictionary<string, string> errors) => new(NoticeResultStatus.Invalid, null, errors);

    public static NoticeResult Conflict() => new(NoticeResultStatus.Conflict, null, NoErrors);

    public static NoticeResult NotFound() => new(NoticeResultStatus.NotFound, null, NoErrors);

    public static NoticeResult Forbidden() => new(NoticeResultStatus.Forbidden, null, NoErrors);
}
