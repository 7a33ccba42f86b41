namespace CallCenter.Telephony.Trunks;

/// <summary>Where a trunk's registration with its carrier stands.</summary>
public enum TrunkRegistrationState
{
    /// <summary>Not tried yet, or in progress.</summary>
    Registering,

    /// <summary>The carrier accepted the last REGISTER.</summary>
    Registered,

    /// <summary>The last attempt failed; retried with back-off.</summary>
    Failed,

    /// <summary>Un-registered at shutdown.</summary>
    Unregistered,
}
