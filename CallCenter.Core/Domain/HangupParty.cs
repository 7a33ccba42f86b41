namespace CallCenter.Core.Domain;

/// <summary>Who ended a call.</summary>
public enum HangupParty
{
    Unknown,
    Caller,
    Agent,
    System,
}
