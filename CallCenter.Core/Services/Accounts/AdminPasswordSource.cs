namespace CallCenter.Core.Services.Accounts;

/// <summary>Where the first admin's password came from.</summary>
public enum AdminPasswordSource
{
    /// <summary>CallCenter:Admin:InitialPassword.</summary>
    Configured,
    /// <summary>The contract's demo password, because the demo is enabled and none is configured.</summary>
    Demo,
    /// <summary>Generated and logged once.</summary>
    Generated,
}
