using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.WorkRecords;

/// <summary>A service record (受理记录) an agent wrote that day.</summary>
/// <param name="Id">The record.</param>
/// <param name="CreatedAt">When, in the call center's local time.</param>
/// <param name="CustomerName">The customer.</param>
/// <param name="Category">咨询, 投诉, 报修...</param>
/// <param name="Content">What was asked and done.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="CallId">The call it was taken on, if any.</param>
public sealed record WorkDayServiceRecord(
    Guid Id, DateTimeOffset CreatedAt, string CustomerName, string Category, string Content, ServiceRecordStatus Status, Guid? CallId);
