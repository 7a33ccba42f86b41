namespace CallCenter.Core.Services.Notices;

/// <summary>Codes of field errors; pages turn them into messages through their resources ("Error_" + code).</summary>
public static class NoticeErrorCodes
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";

    /// <summary>A notice to groups names none.</summary>
    public const string GroupsRequired = "GroupsRequired";

    /// <summary>A named group does not exist (deleted meanwhile).</summary>
    public const string UnknownGroup = "UnknownGroup";

    /// <summary>The expiry is not after the publish time.</summary>
    public const string ExpiryNotAfterPublish = "ExpiryNotAfterPublish";
}
