namespace CallCenter.Web;

/// <summary>Marker type of the customer pages' and components' strings (Resources/CustomerResource.resx, Chinese neutral; .en for English).</summary>
public sealed class CustomerResource
{
}
