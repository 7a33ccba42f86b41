using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Recordings;
using CallCenter.Web.Hosting.Users;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CallCenter.Web.Components.Shared.Customers;

/// <summary>
/// What the customer components share: their strings, the signed-in user (as the actor of a change and as the viewer
/// of recordings), and the field errors of the last save shown beside their fields.
/// </summary>
public abstract class CustomerComponentBase : ComponentBase
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();
    private string? _remoteAddress;

    [Inject] protected IStringLocalizer<CustomerResource> L { get; set; } = default!;
    [Inject] protected CurrentUserService CurrentUser { get; set; } = default!;
    [Inject] private IHttpContextAccessor HttpContextAccessor { get; set; } = default!;

    /// <summary>The field errors of the last save, by field name (the edit model's property names).</summary>
    protected IReadOnlyDictionary<string, string> Errors { get; set; } = NoErrors;

    protected bool HasError(string field) => Errors.ContainsKey(field);

    protected string? ErrorText(string field) => Errors.TryGetValue(field, out var code) ? L["Error_" + code].Value : null;

    protected void ClearErrors() => Errors = NoErrors;

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        // Only trustworthy while prerendering (or on a first render inside the request); the audit row still has the user.
        _remoteAddress = HttpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
    }

    /// <summary>The signed-in user as the author of a change.</summary>
    protected async Task<AdminActor> GetActorAsync()
    {
        var user = await CurrentUser.GetAsync();
        return new AdminActor(user?.UserName ?? "unknown", _remoteAddress);
    }

    /// <summary>The signed-in user as the viewer of recordings (null when nobody is signed in).</summary>
    protected async Task<RecordingViewer?> GetViewerAsync()
    {
        var user = await CurrentUser.GetAsync();
        return user is null ? null : new RecordingViewer(user.UserId, user.UserName, user.Roles);
    }

    /// <summary>A time as the pages show it, in the server's zone.</summary>
    protected static string Format(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm");
}
