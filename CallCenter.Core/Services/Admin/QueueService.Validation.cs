using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Acd;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Admin;

public sealed partial class QueueService
{
    private static async Task<Dictionary<string, string>> ValidateAsync(
        CallCenterDbContext db, QueueEditModel model, Guid ownId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var name = model.Name.Trim();
        if (name.Length == 0)
        {
            errors[nameof(model.Name)] = AdminErrorCodes.Required;
        }
        else if (!AdminRules.QueueName().IsMatch(name))
        {
            errors[nameof(model.Name)] = AdminErrorCodes.Format;
        }
        else if (await db.Queues.AnyAsync(q => q.Name == name && q.Id != ownId, cancellationToken).ConfigureAwait(false))
        {
            errors[nameof(model.Name)] = AdminErrorCodes.Duplicate;
        }
        if (string.IsNullOrWhiteSpace(model.DisplayName))
        {
            errors[nameof(model.DisplayName)] = AdminErrorCodes.Required;
        }

        CheckRange(errors, nameof(model.RingTimeoutSeconds), model.RingTimeoutSeconds, AdminRules.RingTimeoutMin, AdminRules.RingTimeoutMax);
        CheckRange(errors, nameof(model.WrapUpSeconds), model.WrapUpSeconds, AdminRules.WrapUpMin, AdminRules.WrapUpMax);
        CheckRange(errors, nameof(model.MaxWaitSeconds), model.MaxWaitSeconds, AdminRules.MaxWaitMin, AdminRules.MaxWaitMax);
        if (model.AnnouncePosition)
        {
            CheckRange(errors, nameof(model.AnnounceIntervalSeconds), model.AnnounceIntervalSeconds, AdminRules.AnnounceIntervalMin, AdminRules.AnnounceIntervalMax);
        }

        if (!BusinessHours.TryParse(model.BusinessHours, out var hours, out _))
        {
            errors[nameof(model.BusinessHours)] = AdminErrorCodes.BusinessHoursFormat;
        }
        else if (hours?.ToString().Length > AdminRules.BusinessHoursMaxLength)
        {
            // What is stored is the canonical text, so that is what must fit the column.
            errors[nameof(model.BusinessHours)] = AdminErrorCodes.TooLong;
        }

        if (model.OverflowTargetType == RouteTargetType.Queue && model.OverflowTarget?.Trim() == name && name.Length > 0)
        {
            // Overflowing into itself would keep a caller waiting for ever.
            errors[nameof(model.OverflowTarget)] = AdminErrorCodes.SelfOverflow;
        }
        else if (await RouteTargets.CheckAsync(db, model.OverflowTargetType, model.OverflowTarget, cancellationToken).ConfigureAwait(false) is { } targetCode)
        {
            errors[nameof(model.OverflowTarget)] = targetCode;
        }

        if (model.RecordingRule == RecordingRule.Selective)
        {
            var numbers = SplitNumbers(model.RecordingNumbers).ToList();
            if (numbers.Count == 0)
            {
                errors[nameof(model.RecordingNumbers)] = AdminErrorCodes.Required;
            }
            else if (numbers.Any(n => !n.All(char.IsAsciiDigit)))
            {
                errors[nameof(model.RecordingNumbers)] = AdminErrorCodes.NotDigits;
            }
        }

        var groupIds = model.GroupIds.Distinct().ToList();
        if (await db.AgentGroups.CountAsync(g => groupIds.Contains(g.Id), cancellationToken).ConfigureAwait(false) != groupIds.Count)
        {
            errors[nameof(model.GroupIds)] = AdminErrorCodes.UnknownGroup;
        }

        var skillIds = model.RequiredSkills.Select(s => s.SkillId).Distinct().ToList();
        if (await db.Skills.CountAsync(s => skillIds.Contains(s.Id), cancellationToken).ConfigureAwait(false) != skillIds.Count)
        {
            errors[nameof(model.RequiredSkills)] = AdminErrorCodes.UnknownSkill;
        }
        else if (model.RequiredSkills.Any(s => !AdminRules.InRange(s.Level, AdminRules.SkillLevelMin, AdminRules.SkillLevelMax)))
        {
            errors[nameof(model.RequiredSkills)] = AdminErrorCodes.SkillLevelOutOfRange;
        }
        return errors;
    }

    private static void CheckRange(Dictionary<string, string> errors, string field, int value, int min, int max)
    {
        if (!AdminRules.InRange(value, min, max))
        {
            errors[field] = AdminErrorCodes.OutOfRange;
        }
    }
}
