using CallCenter.Core.Services.Customers;

using Microsoft.AspNetCore.Components;

namespace CallCenter.Web.Components.Shared.Customers;

/// <summary>
/// Creates a customer in one save: the number (and the caller's location, as a note) prefilled; with
/// <see cref="CallId"/> the call is linked to the new customer in the same save. Errors show beside their fields.
/// </summary>
public partial class NewCustomerForm
{
    private CustomerEditModel _model = new();
    private bool _saving;

    [Inject] private CustomerService Customers { get; set; } = default!;

    /// <summary>The number to prefill (the caller's, in a screen pop); empty for none.</summary>
    [Parameter] public string Number { get; set; } = "";

    /// <summary>The number's location (归属地) from caller identification, kept as a note.</summary>
    [Parameter] public string? Location { get; set; }

    /// <summary>The call to link to the new customer, if any.</summary>
    [Parameter] public Guid? CallId { get; set; }

    /// <summary>Raised with the new customer's id once saved.</summary>
    [Parameter] public EventCallback<Guid> OnSaved { get; set; }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // A new number (the next caller) starts a new form; the same one keeps what the agent typed.
        if (_model.Phones.Count == 0 || (_model.Phones[0].Number != Number && _model.Name.Length == 0))
        {
            _model = new CustomerEditModel
            {
                Phones = [new CustomerPhoneInput { Number = Number }],
                Notes = string.IsNullOrWhiteSpace(Location) ? null : L["Customer_LocationNote", Location.Trim()].Value,
            };
            ClearErrors();
        }
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var result = await Customers.CreateAsync(_model, await GetActorAsync(), CallId);
            Errors = result.Errors;
            if (result.Succeeded)
            {
                await OnSaved.InvokeAsync(result.Id!.Value);
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
