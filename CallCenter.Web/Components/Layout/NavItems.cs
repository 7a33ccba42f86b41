using CallCenter.Core.Domain;
using CallCenter.Web.Components.Pages.Customers;

using Microsoft.AspNetCore.Components.Routing;

using MudBlazor;

namespace CallCenter.Web.Components.Layout;

/// <summary>The drawer's links, in order. A new page gets its line here with the roles of its [Authorize].</summary>
public static class NavItems
{
    public static readonly IReadOnlyList<NavItem> All =
    [
        new("/", "Nav.Home", Icons.Material.Filled.Home, null, NavLinkMatch.All),
        new("/workspace", "Nav.Workspace", Icons.Material.Filled.HeadsetMic, Roles.TakesCalls),
        new("/customers", "Nav.Customers", Icons.Material.Filled.Contacts, CustomerPages.Roles),
        new("/notices", "Nav.Notices", Icons.Material.Filled.Campaign, null, NavLinkMatch.All),
        new("/notices/manage", "Nav.NoticeManage", Icons.Material.Filled.EditNotifications, Roles.LeadersAndAbove),
        new("/work-records", "Nav.WorkRecords", Icons.Material.Filled.EventNote, Roles.Agent + "," + Roles.LeadersAndAbove),
        new("/admin/users", "Nav.AdminUsers", Icons.Material.Filled.People, Roles.AdminOrManager),
        new("/admin/groups", "Nav.AdminGroups", Icons.Material.Filled.Groups, Roles.AdminOrManager),
        new("/admin/queues", "Nav.AdminQueues", Icons.Material.Filled.CallSplit, Roles.AdminOrManager),
        new("/admin/numbers", "Nav.AdminNumbers", Icons.Material.Filled.Dialpad, Roles.AdminOrManager),
        new("/admin/audit", "Nav.AdminAudit", Icons.Material.Filled.History, Roles.Admin),
    ];
}
