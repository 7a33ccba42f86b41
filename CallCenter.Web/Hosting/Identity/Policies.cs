namespace CallCenter.Web.Hosting.Identity;

/// <summary>Named authorization policies for endpoints that cannot carry [Authorize(Roles = ...)].</summary>
public static class Policies
{
    public const string Admin = "Admin";
}
