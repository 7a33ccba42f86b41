using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.Customers;

/// <summary>An SMS in a customer's history.</summary>
/// <param name="Id">The message.</param>
/// <param name="At">When it was received or created.</param>
/// <param name="Inbound">Received from the customer (true) or sent to it.</param>
/// <param name="Number">The customer's number.</param>
/// <param name="Content">The text.</param>
/// <param name="Status">Pending, sent, delivered, failed...</param>
public sealed record CustomerSmsEntry(Guid Id, DateTimeOffset At, bool Inbound, string Number, string Content, MessageStatus Status);
