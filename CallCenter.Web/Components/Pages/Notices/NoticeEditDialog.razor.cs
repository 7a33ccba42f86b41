using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Notices;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

using MudBlazor;

namespace CallCenter.Web.Components.Pages.Notices;

/// <summary>Posts or edits a notice: audience, publish time and expiry; the service's errors show beside their fields.</summary>
public partial class NoticeEditDialog
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private NoticeEditModel _model = new();
    private IReadOnlyList<LookupItem> _groups = [];
    private IReadOnlyDictionary<string, string> _errors = NoErrors;
    private DateTime? _publishAt;
    private DateTime? _expiresAt;
    private bool _saving;
    private bool _conflict;
    private bool _forbidden;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private IStringLocalizer<NoticeResource> L { get; set; } = default!;
    [Inject] private NoticeService Notices { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired] public NoticeActor Actor { get; set; } = default!;

    /// <summary>The notice to edit; null to post a new one.</summary>
    [Parameter] public Guid? NoticeId { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorText(string field) => _errors.TryGetValue(field, out var code) ? L["Error_" + code].Value : null;

    private async Task LoadAsync()
    {
        _groups = await Notices.ListGroupsAsync();
        _model = NoticeId is { } id ? await Notices.GetAsync(id) ?? new NoticeEditModel() : new NoticeEditModel();
        // The form shows and takes the call center's local wall-clock time.
        _publishAt = _model.PublishAt?.DateTime;
        _expiresAt = _model.ExpiresAt?.DateTime;
    }

    private void SetGroup(Guid groupId, bool on)
    {
        _model.GroupIds.Remove(groupId);
        if (on)
        {
            _model.GroupIds.Add(groupId);
        }
    }

    private DateTimeOffset? ToInstant(DateTime? local)
    {
        if (local is not { } value)
        {
            return null;
        }
        var wallClock = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, Clock.LocalTimeZone.GetUtcOffset(wallClock));
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            _model.PublishAt = ToInstant(_publishAt);
            _model.ExpiresAt = ToInstant(_expiresAt);
            var result = NoticeId is null ? await Notices.CreateAsync(_model, Actor) : await Notices.UpdateAsync(_model, Actor);
            _errors = result.Errors;
            _forbidden = result.Status == NoticeResultStatus.Forbidden;
            _conflict = result.Status is NoticeResultStatus.Conflict or NoticeResultStatus.NotFound or NoticeResultStatus.Forbidden;
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(result.Id));
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task ReloadAsync()
    {
        _conflict = false;
        _errors = NoErrors;
        await LoadAsync();
    }

    private void Cancel() => Dialog.Cancel();
}
