namespace CallCenter.Telephony.Sip.Registrar;

/// <summary>The result of applying a REGISTER to the location service.</summary>
public enum RegistrationOutcome
{
    /// <summary>Applied; answer 200 with the current bindings.</summary>
    Applied,
    /// <summary>A binding of the same Call-ID has an equal or higher CSeq: aborted (RFC 3261 §10.3 step 7).</summary>
    OutOfOrder,
    /// <summary>More contacts than <see cref="RegistrarOptions.MaxContactsPerAor"/>.</summary>
    TooManyContacts,
}
