namespace CallCenter.Core.Services.Admin;

/// <summary>
/// The outcome of an admin change. Errors map a field name (the edit model's property name)
/// to an <see cref="AdminErrorCodes">error code</see> that the page localizes, so Core carries no UI language.
/// </summary>
public sealed class AdminResult
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private AdminResult(AdminResultStatus status, Guid? id, IReadOnlyDictionary<string, string> errors)
    {
        Status = status;
        Id = id;
        Errors = errors;
    }

    public AdminResultStatus Status { get; }

    /// <summary>The id of the created or changed row, when saved.</summary>
    public Guid? Id { get; }

    public IReadOnlyDictionary<string, string> Errors { get; }

    public bool Succeeded => Status == AdminResultStatus.Ok;

    public static AdminResult Ok(Guid id) => new(AdminResultStatus.Ok, id, NoErrors);

    public static AdminResult Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(AdminResultStatus.Invalid, null, errors);

    public static AdminResult Invalid(string field, string code) =>
        Invalid(new Dictionary<string, string> { [field] = code });

    public static AdminResult Conflict() => new(AdminResultStatus.Conflict, null, NoErrors);

    public static AdminResult NotFound() => new(AdminResultStatus.NotFound, null, NoErrors);
}
