namespace CallCenter.Core.Demo;

/// <summary>A web user of the demo organisation; those with an extension also take calls.</summary>
public sealed record DemoStaffMember(
    string UserName,
    string DisplayName,
    string Role,
    string? Extension = null,
    bool InSales = false,
    bool InSupport = false)
{
    public bool TakesCalls => Extension is not null;

    /// <summary>
    /// The contract fixes these so that softphones can be set up from the README. They exist only
    /// here, as input to the HA1 hashes; no table ever holds one.
    /// </summary>
    public string? SipPassword => Extension is null ? null : $"sip{Extension}demo";
}
