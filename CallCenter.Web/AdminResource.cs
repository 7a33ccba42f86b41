namespace CallCenter.Web;

/// <summary>Marker type of the admin pages' strings (Resources/AdminResource.resx, Chinese neutral; .en for English).</summary>
public sealed class AdminResource
{
}
