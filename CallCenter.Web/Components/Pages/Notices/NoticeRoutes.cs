namespace CallCenter.Web.Components.Pages.Notices;

/// <summary>Where the notice pages live.</summary>
public static class NoticeRoutes
{
    public const string Inbox = "/notices";
    public const string Manage = "/notices/manage";

    public static string Detail(Guid noticeId) => $"/notices/{noticeId}";
}
