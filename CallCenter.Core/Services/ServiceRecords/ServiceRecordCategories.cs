namespace CallCenter.Core.Services.ServiceRecords;

/// <summary>
/// The fixed categories of a service record, stored as these codes; pages show them as 咨询, 投诉, 报修, 建议, 业务办理, 其他
/// (resources "Category_" + code). Older rows may hold a Chinese name instead; <see cref="Normalize"/> reads both.
/// </summary>
public static class ServiceRecordCategories
{
    public const string Consult = "consult";
    public const string Complaint = "complaint";
    public const string Repair = "repair";
    public const string Suggestion = "suggestion";
    public const string Business = "business";
    public const string Other = "other";

    /// <summary>Every category, in the order forms offer them.</summary>
    public static readonly IReadOnlyList<string> All = [Consult, Complaint, Repair, Suggestion, Business, Other];

    private static readonly Dictionary<string, string> ChineseNames = new(StringComparer.Ordinal)
    {
        ["咨询"] = Consult,
        ["投诉"] = Complaint,
        ["报修"] = Repair,
        ["建议"] = Suggestion,
        ["业务办理"] = Business,
        ["其他"] = Other,
    };

    /// <summary>The code of a category given as a code (any case) or as its Chinese name; null when it is neither.</summary>
    public static string? Normalize(string? category)
    {
        var text = category?.Trim() ?? "";
        if (ChineseNames.TryGetValue(text, out var code))
        {
            return code;
        }
        var lower = text.ToLowerInvariant();
        return All.Contains(lower) ? lower : null;
    }
}
