namespace CallCenter.Web;

/// <summary>
/// Marker for the application's shared texts: Resources/SharedResource.resx holds the Chinese (neutral, the
/// default culture zh-CN), Resources/SharedResource.en.resx the English. Inject IStringLocalizer&lt;SharedResource&gt;.
/// </summary>
public sealed class SharedResource
{
}
