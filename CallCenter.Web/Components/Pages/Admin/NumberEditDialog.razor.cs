using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using Microsoft.AspNetCore.Components;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>Creates or edits a dialled number's route.</summary>
public partial class NumberEditDialog
{
    private DialledNumberEditModel _model = new();
    private IReadOnlyList<LookupItem> _queues = [];
    private IReadOnlyList<LookupItem> _flows = [];

    [Inject] private DialledNumberService NumberService { get; set; } = default!;
    [Inject] private AdminLookupService Lookup { get; set; } = default!;

    /// <summary>The number to edit; null to create one.</summary>
    [Parameter] public Guid? NumberId { get; set; }

    /// <summary>Existing keys for the chosen target type, offered as one-click choices.</summary>
    private IReadOnlyList<string> TargetKeys => _model.TargetType switch
    {
        RouteTargetType.Queue => _queues.Select(q => q.Name).ToList(),
        RouteTargetType.IvrFlow => _flows.Select(f => f.Name).ToList(),
        _ => [],
    };

    protected override async Task LoadAsync()
    {
        _queues = await Lookup.ListQueuesAsync();
        _flows = await Lookup.ListIvrFlowsAsync();
        var all = NumberId is null ? [] : await NumberService.ListAsync();
        _model = all.FirstOrDefault(n => n.Id == NumberId) ?? new DialledNumberEditModel();
    }

    protected override Task<AdminResult> SaveCoreAsync() => NumberId is null
        ? NumberService.CreateAsync(_model, Actor)
        : NumberService.UpdateAsync(_model, Actor);
}
