namespace CallCenter.Core.Services.Admin;

/// <summary>Codes of field errors; pages turn them into messages through their resources ("Error_" + code).</summary>
public static class AdminErrorCodes
{
    public const string Required = "Required";
    public const string Duplicate = "Duplicate";
    public const string NotDigits = "NotDigits";
    public const string TooShort = "TooShort";
    public const string TooLong = "TooLong";
    public const string Format = "Format";
    public const string OutOfRange = "OutOfRange";
    public const string UnknownGroup = "UnknownGroup";
    public const string UnknownSkill = "UnknownSkill";
    public const string UnknownAgent = "UnknownAgent";
    public const string UnknownRole = "UnknownRole";
    public const string SkillLevelOutOfRange = "SkillLevelOutOfRange";
    public const string TargetNotFound = "TargetNotFound";
    public const string TargetRequired = "TargetRequired";
    /// <summary>Identity's password rules (length, digits, case, symbols) rejected the password.</summary>
    public const string PasswordRejected = "PasswordRejected";
    /// <summary>The extension changed, and HA1 depends on it, so a new SIP password is needed.</summary>
    public const string SipPasswordNeededForNewExtension = "SipPasswordNeededForNewExtension";
    public const string SelfOverflow = "SelfOverflow";
    /// <summary>The business hours cannot be read (BusinessHours.TryParse refused them).</summary>
    public const string BusinessHoursFormat = "BusinessHoursFormat";
}
