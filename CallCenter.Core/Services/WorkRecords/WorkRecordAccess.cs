namespace CallCenter.Core.Services.WorkRecords;

/// <summary>The answer to a request for an agent's work records.</summary>
public enum WorkRecordAccess
{
    /// <summary>Allowed; <see cref="WorkRecordResult.Day"/> holds the records.</summary>
    Granted,

    /// <summary>No such agent.</summary>
    NotFound,

    /// <summary>The viewer may not see this agent's records (an agent asking for another's).</summary>
    Forbidden,
}
