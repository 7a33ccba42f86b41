using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.Customers;

/// <summary>One of a customer's numbers.</summary>
/// <param name="Number">Digits, as dialled.</param>
/// <param name="Kind">Mobile, fixed line...</param>
public sealed record CustomerPhoneDetail(string Number, PhoneKind Kind);
