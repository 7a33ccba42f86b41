using CallCenter.Telephony.Calls.Control;

using CallCenter.Web.Components.Shared.Customers;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CallCenter.Web.Components.Pages.Workspace;

/// <summary>The screen pop of one call: caller identification's warnings and facts, then the customer's panel.</summary>
public partial class ScreenPop
{
    private Guid? _created;
    private Guid _createdFor;
    private CustomerHistory? _history;

    [Inject]
    private IStringLocalizer<WorkspaceResource> L { get; set; } = null!;

    /// <summary>The call (live, or just ended).</summary>
    [Parameter, EditorRequired]
    public AgentCallView Call { get; set; } = null!;

    /// <summary>True while the call is up (the panel cannot be closed then).</summary>
    [Parameter]
    public bool Live { get; set; }

    /// <summary>Closes the panel of an ended call.</summary>
    [Parameter]
    public EventCallback OnClose { get; set; }

    // The customer: identified by its number, or created from this panel during the call.
    private Guid? CustomerId => Call.Caller?.CustomerId ?? _created;

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (_createdFor != Call.CallId)
        {
            _created = null;
            _createdFor = Call.CallId;
        }
    }

    // The new customer, saved from the form and linked to the call: the panel becomes its card.
    private void Created(Guid customerId) => _created = customerId;

    // A service record just saved appears in the history below at once.
    private Task ReloadHistoryAsync() => _history?.ReloadAsync() ?? Task.CompletedTask;
}
