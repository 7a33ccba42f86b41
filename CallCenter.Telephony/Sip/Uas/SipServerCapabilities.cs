using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Uas;

/// <summary>What this server announces in Allow, Accept and Supported (RFC 3261 §11.2, §20.1, §20.5, §20.37).</summary>
public static class SipServerCapabilities
{
    /// <summary>Methods the server handles (the B2BUA adds INVITE, ACK, BYE, CANCEL once calls are served).</summary>
    public const string Allow = "INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER";

    /// <summary>Body types the server takes (RFC 3261 §8.2.3: anything else is answered 415).</summary>
    public const string Accept = "application/sdp";

    /// <summary>Option tags the server supports: none yet, so every Require is answered 420 (RFC 3261 §8.2.2.3).</summary>
    public const string Supported = "";

    /// <summary>Methods the server answers itself or will answer in a later step; others are not recognised (501).</summary>
    public static bool IsKnownMethod(string method) => method is SipMethods.Invite or SipMethods.Ack or SipMethods.Bye
        or SipMethods.Cancel or SipMethods.Options or SipMethods.Register or SipMethods.Prack or SipMethods.Subscribe
        or SipMethods.Notify or SipMethods.Publish or SipMethods.Info or SipMethods.Refer or SipMethods.Message
        or SipMethods.Update;

    /// <summary>True when a body of <paramref name="type"/> is one we can take.</summary>
    public static bool AcceptsBody(SipMediaType? type) => type is not null && type.Matches("application", "sdp");
}
