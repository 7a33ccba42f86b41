namespace CallCenter.Core.Services.Customers;

public sealed partial class CustomerService
{
    /// <summary>Field errors of <paramref name="model"/>; <paramref name="phones"/> gets its numbers as digits, blank rows left out.</summary>
    private static Dictionary<string, string> Validate(CustomerEditModel model, out IReadOnlyList<CustomerPhoneDetail> phones)
    {
        var errors = new Dictionary<string, string>();
        var name = model.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[nameof(model.Name)] = CustomerErrorCodes.Required;
        }
        else if (name.Length > CustomerRules.NameMaxLength)
        {
            errors[nameof(model.Name)] = CustomerErrorCodes.TooLong;
        }
        CheckLength(errors, nameof(model.Company), model.Company, CustomerRules.CompanyMaxLength);
        CheckLength(errors, nameof(model.Address), model.Address, CustomerRules.AddressMaxLength);
        CheckLength(errors, nameof(model.Notes), model.Notes, CustomerRules.NotesMaxLength);
        if (CustomerRules.NormalizeTags(model.Tags)?.Length > CustomerRules.TagsMaxLength)
        {
            errors[nameof(model.Tags)] = CustomerErrorCodes.TooLong;
        }
        var email = model.Email?.Trim() ?? "";
        if (email.Length > CustomerRules.EmailMaxLength)
        {
            errors[nameof(model.Email)] = CustomerErrorCodes.TooLong;
        }
        else if (email.Length > 0 && !CustomerRules.Email().IsMatch(email))
        {
            errors[nameof(model.Email)] = CustomerErrorCodes.Format;
        }

        var valid = new List<CustomerPhoneDetail>();
        for (var i = 0; i < model.Phones.Count; i++)
        {
            var input = model.Phones[i];
            if (string.IsNullOrWhiteSpace(input.Number))
            {
                continue;
            }
            var field = CustomerEditModel.PhoneField(i);
            var digits = CustomerRules.NormalizeNumber(input.Number);
            if (digits is null)
            {
                errors[field] = CustomerErrorCodes.NotDigits;
            }
            else if (digits.Length < CustomerRules.PhoneMinDigits)
            {
                errors[field] = CustomerErrorCodes.TooShort;
            }
            else if (digits.Length > CustomerRules.PhoneMaxDigits)
            {
                errors[field] = CustomerErrorCodes.TooLong;
            }
            else if (valid.Any(p => p.Number == digits))
            {
                errors[field] = CustomerErrorCodes.Duplicate;
            }
            else
            {
                valid.Add(new CustomerPhoneDetail(digits, input.Kind));
            }
        }
        if (model.Phones.All(p => string.IsNullOrWhiteSpace(p.Number)))
        {
            errors[nameof(model.Phones)] = CustomerErrorCodes.Required;
        }
        phones = valid;
        return errors;
    }

    private static void CheckLength(Dictionary<string, string> errors, string field, string? value, int max)
    {
        if (value?.Trim().Length > max)
        {
            errors[field] = CustomerErrorCodes.TooLong;
        }
    }
}
