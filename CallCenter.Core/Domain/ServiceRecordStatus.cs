namespace CallCenter.Core.Domain;

public enum ServiceRecordStatus
{
    Open,
    InProgress,
    Resolved,
    Closed,
}
