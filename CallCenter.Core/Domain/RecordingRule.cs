namespace CallCenter.Core.Domain;

/// <summary>Which calls are recorded: all, none, or only those with listed numbers (电话筛选录音).</summary>
public enum RecordingRule
{
    All,
    None,
    Selective,
}
