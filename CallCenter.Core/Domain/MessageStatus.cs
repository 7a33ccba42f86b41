namespace CallCenter.Core.Domain;

/// <summary>Progress of an SMS, a fax or a task of them.</summary>
public enum MessageStatus
{
    Pending,
    Sending,
    Sent,
    Delivered,
    Failed,
    Cancelled,
}
