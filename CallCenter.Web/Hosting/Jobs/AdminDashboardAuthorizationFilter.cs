using CallCenter.Core.Domain;

using Hangfire.Dashboard;

namespace CallCenter.Web.Hosting.Jobs;

/// <summary>Lets only signed-in administrators (the cookie user) see and act on the Hangfire dashboard.</summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin);
    }
}
