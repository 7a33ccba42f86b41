namespace CallCenter.Telephony.Sip.Registrar;

/// <summary>How a binding changed.</summary>
public enum RegistrationChangeKind
{
    /// <summary>A new contact for the AOR.</summary>
    Added,
    /// <summary>An existing contact re-registered (new expiry, possibly a new source after a NAT rebinding).</summary>
    Refreshed,
    /// <summary>Removed by the user agent (Expires 0, or Contact: *).</summary>
    Removed,
    /// <summary>Not refreshed in time.</summary>
    Expired,
}
