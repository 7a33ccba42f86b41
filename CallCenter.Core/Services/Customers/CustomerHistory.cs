using CallCenter.Core.Services.ServiceRecords;

namespace CallCenter.Core.Services.Customers;

/// <summary>A customer's contact history, each list newest first.</summary>
/// <param name="Calls">Its calls.</param>
/// <param name="ServiceRecords">Its service records (受理记录).</param>
/// <param name="Sms">Its text messages.</param>
public sealed record CustomerHistory(
    IReadOnlyList<CustomerCallEntry> Calls,
    IReadOnlyList<ServiceRecordEntry> ServiceRecords,
    IReadOnlyList<CustomerSmsEntry> Sms);
