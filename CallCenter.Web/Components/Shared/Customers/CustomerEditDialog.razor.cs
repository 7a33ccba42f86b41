using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Customers;

using Microsoft.AspNetCore.Components;

using MudBlazor;

namespace CallCenter.Web.Components.Shared.Customers;

/// <summary>Edits a customer; a save over someone else's newer change shows a conflict with a reload, not an overwrite.</summary>
public partial class CustomerEditDialog
{
    private CustomerEditModel? _model;
    private bool _conflict;
    private bool _saving;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private CustomerService Customers { get; set; } = default!;

    /// <summary>The customer to edit.</summary>
    [Parameter, EditorRequired] public Guid CustomerId { get; set; }

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _conflict = false;
        ClearErrors();
        _model = (await Customers.GetAsync(CustomerId))?.ToEditModel();
        if (_model is { Phones.Count: 0 })
        {
            _model.Phones.Add(new CustomerPhoneInput());
        }
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var result = await Customers.UpdateAsync(_model!, await GetActorAsync());
            Errors = result.Errors;
            _conflict = result.Status is AdminResultStatus.Conflict or AdminResultStatus.NotFound;
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
}
