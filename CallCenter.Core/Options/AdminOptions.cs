namespace CallCenter.Core.Options;

public class AdminOptions
{
    /// <summary>Password of the first "admin"; when empty one is generated and logged once.</summary>
    public string? InitialPassword { get; set; }
}
