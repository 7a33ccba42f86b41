using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using CallCenter.Telephony.Acd;
using Microsoft.AspNetCore.Components;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>Creates or edits a queue.</summary>
public partial class QueueEditDialog
{
    /// <summary>Where a caller can go after the maximum wait; an echo test or information service makes no sense there.</summary>
    private static readonly RouteTargetType[] OverflowTypes =
        [RouteTargetType.Voicemail, RouteTargetType.Queue, RouteTargetType.Extension, RouteTargetType.IvrFlow, RouteTargetType.Hangup];

    private QueueEditModel _model = new();
    private IReadOnlyList<LookupItem> _groups = [];
    private IReadOnlyList<LookupItem> _skills = [];

    [Inject] private QueueService QueueService { get; set; } = default!;
    [Inject] private AdminLookupService Lookup { get; set; } = default!;

    /// <summary>The queue to edit; null to create one.</summary>
    [Parameter] public Guid? QueueId { get; set; }

    protected override async Task LoadAsync()
    {
        _groups = await Lookup.ListGroupsAsync();
        _skills = await Lookup.ListSkillsAsync();
        _model = QueueId is { } id ? await QueueService.GetAsync(id) ?? new QueueEditModel() : new QueueEditModel();
    }

    /// <summary>The service only says the hours cannot be read; the parser names the part that is wrong, so it is added.</summary>
    private string? BusinessHoursErrorText()
    {
        var text = ErrorText(nameof(QueueEditModel.BusinessHours));
        return text is not null && !BusinessHours.TryParse(_model.BusinessHours, out _, out var reason)
            ? L["Queues_BusinessHoursError", text, reason].Value
            : text;
    }

    protected override Task<AdminResult> SaveCoreAsync() => QueueId is null
        ? QueueService.CreateAsync(_model, Actor)
        : QueueService.UpdateAsync(_model, Actor);
}
