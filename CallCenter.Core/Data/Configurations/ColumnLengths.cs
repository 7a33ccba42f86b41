namespace CallCenter.Core.Data.Configurations;

/// <summary>
/// Column sizes shared by the entity configurations. SQL Server cannot index nvarchar(max) and stores
/// short columns in-row, so every string that is indexed or naturally short gets one of these.
/// </summary>
internal static class ColumnLengths
{
    /// <summary>A phone number or SIP user part; E.164 needs 15 digits, prefixes and odd trunks need more.</summary>
    public const int Number = 64;

    /// <summary>An enum name stored as text.</summary>
    public const int EnumName = 32;

    /// <summary>Short codes: info-service codes, outbound prefixes.</summary>
    public const int Code = 32;

    public const int Name = 100;
    public const int Title = 200;
    public const int Description = 500;

    /// <summary>A user name as Identity sizes it.</summary>
    public const int UserName = 256;

    public const int Email = 256;
    public const int HostName = 256;

    /// <summary>RFC 3261 puts no limit on Call-ID; real ones are well under this.</summary>
    public const int SipCallId = 256;

    /// <summary>Free-form cause such as a SIP reason phrase or Q.850 text.</summary>
    public const int Cause = 200;

    public const int FilePath = 1024;

    /// <summary>A queue's business hours in their canonical text; the admin form refuses longer ones.</summary>
    public const int BusinessHours = Services.Admin.AdminRules.BusinessHoursMaxLength;

    /// <summary>IPv6 text (45) plus a port.</summary>
    public const int NetworkAddress = 64;
}
