namespace CallCenter.Telephony.Calls;

/// <summary>The codes an agent dials from its phone when no browser is at hand (the outside contract fixes them).</summary>
public static class FeatureCodes
{
    /// <summary>Log in to one's queues and go Ready (示闲).</summary>
    public const string LoginReady = "*61";

    /// <summary>NotReady (示忙), reason break.</summary>
    public const string NotReady = "*62";

    /// <summary>Log out.</summary>
    public const string Logout = "*63";

    /// <summary>One's own voicemail box.</summary>
    public const string Voicemail = "*97";

    /// <summary>True for one of the codes above.</summary>
    public static bool IsFeatureCode(string number) => number is LoginReady or NotReady or Logout or Voicemail;
}
