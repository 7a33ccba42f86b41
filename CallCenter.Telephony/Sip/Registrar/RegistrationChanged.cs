namespace CallCenter.Telephony.Sip.Registrar;

/// <summary>A binding was added, refreshed, removed or expired.</summary>
/// <param name="Extension">The AOR's user part (the extension).</param>
/// <param name="Binding">The binding as it is (Added/Refreshed) or was (Removed/Expired).</param>
/// <param name="Kind">What happened.</param>
public sealed record RegistrationChanged(string Extension, SipBinding Binding, RegistrationChangeKind Kind)
{
    /// <summary>The contact URI as the user agent sent it.</summary>
    public string Contact => Binding.ContactUri;

    /// <summary>Where the REGISTER came from.</summary>
    public Transport.SipEndPoint Source => Binding.Source;

    /// <summary>Seconds the binding is good for (0 for Removed/Expired).</summary>
    public int Expires => Kind is RegistrationChangeKind.Removed or RegistrationChangeKind.Expired ? 0 : Binding.ExpiresSeconds;
}
