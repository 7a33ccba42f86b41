namespace CallCenter.Core.Domain;

public enum PhoneKind
{
    Mobile,
    FixedLine,
    Work,
    Other,
}
