using CallCenter.Core.Services.Admin;

namespace CallCenter.Core.Services.Customers;

/// <summary>
/// Codes of the field errors the customer and service-record services give (<see cref="AdminResult.Errors"/>);
/// pages show them through their resources ("Error_" + code). The shared ones are the admin services' codes.
/// </summary>
public static class CustomerErrorCodes
{
    public const string Required = AdminErrorCodes.Required;
    public const string Duplicate = AdminErrorCodes.Duplicate;
    public const string NotDigits = AdminErrorCodes.NotDigits;
    public const string TooShort = AdminErrorCodes.TooShort;
    public const string TooLong = AdminErrorCodes.TooLong;
    public const string Format = AdminErrorCodes.Format;
    public const string UnknownAgent = AdminErrorCodes.UnknownAgent;

    /// <summary>The call to link (or to record against) does not exist.</summary>
    public const string UnknownCall = "UnknownCall";

    /// <summary>The customer does not exist.</summary>
    public const string UnknownCustomer = "UnknownCustomer";

    /// <summary>A service record's category is not one of <see cref="ServiceRecords.ServiceRecordCategories.All"/>.</summary>
    public const string UnknownCategory = "UnknownCategory";

    /// <summary>A status that is not a <see cref="Domain.ServiceRecordStatus"/>.</summary>
    public const string UnknownStatus = "UnknownStatus";

    /// <summary>A follow-up time before now.</summary>
    public const string FollowUpInPast = "FollowUpInPast";

    /// <summary>A customer cannot be merged into itself.</summary>
    public const string SameCustomer = "SameCustomer";
}
