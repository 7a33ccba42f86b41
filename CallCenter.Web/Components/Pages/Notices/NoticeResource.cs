namespace CallCenter.Web;

// In the root namespace like the other markers, so its texts are Resources/NoticeResource.resx; the file lives with its pages.

/// <summary>Marker type of the notice pages' strings (Resources/NoticeResource.resx, Chinese neutral; .en for English).</summary>
public sealed class NoticeResource
{
}
