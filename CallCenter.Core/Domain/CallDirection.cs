namespace CallCenter.Core.Domain;

public enum CallDirection
{
    Inbound,
    Outbound,
    Internal,
}
