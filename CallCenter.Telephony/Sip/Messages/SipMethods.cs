namespace CallCenter.Telephony.Sip.Messages;

/// <summary>Method names of RFC 3261 and its common extensions. Methods are case-sensitive (RFC 3261 §7.1).</summary>
public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Prack = "PRACK";
    public const string Subscribe = "SUBSCRIBE";
    public const string Notify = "NOTIFY";
    public const string Publish = "PUBLISH";
    public const string Info = "INFO";
    public const string Refer = "REFER";
    public const string Message = "MESSAGE";
    public const string Update = "UPDATE";

    private static readonly string[] s_all =
        [Invite, Ack, Bye, Cancel, Options, Register, Prack, Subscribe, Notify, Publish, Info, Refer, Message, Update];

    /// <summary>The shared string for a well-known method, so parsing one allocates nothing; a new string otherwise.</summary>
    internal static string Intern(ReadOnlySpan<byte> method)
    {
        foreach (var known in s_all)
        {
            if (method.Length == known.Length && System.Text.Ascii.Equals(method, known))
            {
                return known;
            }
        }
        return System.Text.Encoding.UTF8.GetString(method);
    }
}
