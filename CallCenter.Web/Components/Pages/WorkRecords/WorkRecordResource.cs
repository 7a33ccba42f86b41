namespace CallCenter.Web;

// In the root namespace like the other markers, so its texts are Resources/WorkRecordResource.resx; the file lives with its page.

/// <summary>Marker type of the work-record page's strings (Resources/WorkRecordResource.resx, Chinese neutral; .en for English).</summary>
public sealed class WorkRecordResource
{
}
