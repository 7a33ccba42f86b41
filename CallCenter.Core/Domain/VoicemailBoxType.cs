namespace CallCenter.Core.Domain;

public enum VoicemailBoxType
{
    Queue,
    Extension,
}
