namespace CallCenter.Web;

/// <summary>Marker type of the agent workspace's strings (Resources/WorkspaceResource.resx, Chinese neutral; .en for English).</summary>
public sealed class WorkspaceResource
{
}
