using CallCenter.Core.Data;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Notices;

public sealed partial class NoticeService
{
    private static async Task<Dictionary<string, string>> ValidateAsync(
        CallCenterDbContext db, NoticeEditModel model, DateTimeOffset publishAt, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        CheckText(errors, nameof(model.Title), model.Title, NoticeRules.TitleMaxLength);
        CheckText(errors, nameof(model.Body), model.Body, NoticeRules.BodyMaxLength);

        if (!model.ToEveryone)
        {
            var groupIds = model.GroupIds.Distinct().ToList();
            if (groupIds.Count == 0)
            {
                errors[nameof(model.GroupIds)] = NoticeErrorCodes.GroupsRequired;
            }
            else if (await db.AgentGroups.CountAsync(g => groupIds.Contains(g.Id), cancellationToken).ConfigureAwait(false) != groupIds.Count)
            {
                errors[nameof(model.GroupIds)] = NoticeErrorCodes.UnknownGroup;
            }
        }

        if (model.ExpiresAt is { } expiresAt && expiresAt <= publishAt)
        {
            errors[nameof(model.ExpiresAt)] = NoticeErrorCodes.ExpiryNotAfterPublish;
        }
        return errors;
    }

    private static void CheckText(Dictionary<string, string> errors, string field, string? value, int maxLength)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors[field] = NoticeErrorCodes.Required;
        }
        else if (text.Length > maxLength)
        {
            errors[field] = NoticeErrorCodes.TooLong;
        }
    }
}
