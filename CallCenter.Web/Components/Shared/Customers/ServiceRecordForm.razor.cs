using CallCenter.Core.Services.ServiceRecords;

using Microsoft.AspNetCore.Components;

using MudBlazor;

namespace CallCenter.Web.Components.Shared.Customers;

/// <summary>
/// Writes a service record (受理记录) for a customer, on <see cref="CallId"/> when given (so the record opens that
/// call's recording), as the signed-in user's agent. Errors show beside their fields; a save clears the form.
/// </summary>
public partial class ServiceRecordForm
{
    /// <summary>A follow-up date without a time is due at the start of the working day.</summary>
    private static readonly TimeSpan DefaultFollowUpTime = TimeSpan.FromHours(9);

    private ServiceRecordEditModel _model = new();
    private DateTime? _followUpDate;
    private TimeSpan? _followUpTime = DefaultFollowUpTime;
    private bool _saving;

    [Inject] private ServiceRecordService Records { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Whose record it is.</summary>
    [Parameter, EditorRequired] public Guid CustomerId { get; set; }

    /// <summary>The call it is taken on, if any.</summary>
    [Parameter] public Guid? CallId { get; set; }

    /// <summary>Raised once the record is saved.</summary>
    [Parameter] public EventCallback OnSaved { get; set; }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var user = await CurrentUser.GetAsync();
            _model.CustomerId = CustomerId;
            _model.CallId = CallId;
            _model.AgentId = user?.Agent?.AgentId;
            _model.FollowUpAt = FollowUpAt();
            var result = await Records.CreateAsync(_model, await GetActorAsync());
            Errors = result.Errors;
            if (result.Succeeded)
            {
                _model = new ServiceRecordEditModel();
                _followUpDate = null;
                _followUpTime = DefaultFollowUpTime;
                Snackbar.Add(L["Record_Saved"], Severity.Success);
                await OnSaved.InvokeAsync();
            }
        }
        finally
        {
            _saving = false;
        }
    }

    // The pickers give a local date and time; the server's zone is the center's.
    private DateTimeOffset? FollowUpAt()
    {
        if (_followUpDate is not { } date)
        {
            return null;
        }
        var local = date.Date + (_followUpTime ?? DefaultFollowUpTime);
        return new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local));
    }
}
