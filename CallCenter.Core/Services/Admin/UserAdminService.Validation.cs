using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Admin;

public sealed partial class UserAdminService
{
    private async Task<Dictionary<string, string>> ValidateAsync(
        CallCenterDbContext db, UserEditModel model, AppUser? existingUser, Agent? existingAgent, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var userName = model.UserName.Trim();
        if (userName.Length == 0)
        {
            errors[nameof(model.UserName)] = AdminErrorCodes.Required;
        }
        else if (userName.Any(c => !userManager.Options.User.AllowedUserNameCharacters.Contains(c)))
        {
            errors[nameof(model.UserName)] = AdminErrorCodes.Format;
        }
        else
        {
            var normalized = userManager.NormalizeName(userName);
            var ownId = existingUser?.Id ?? Guid.Empty;
            if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized && u.Id != ownId, cancellationToken).ConfigureAwait(false))
            {
                errors[nameof(model.UserName)] = AdminErrorCodes.Duplicate;
            }
        }
        if (string.IsNullOrWhiteSpace(model.DisplayName))
        {
            errors[nameof(model.DisplayName)] = AdminErrorCodes.Required;
        }
        if (existingUser is null)
        {
            var code = await CheckWebPasswordAsync(new AppUser { UserName = userName }, model.Password).ConfigureAwait(false);
            if (code is not null)
            {
                errors[nameof(model.Password)] = code;
            }
        }
        await ValidateRolesAsync(db, model, errors, cancellationToken).ConfigureAwait(false);
        if (model.HasAgent)
        {
            await ValidateAgentAsync(db, model, existingAgent, errors, cancellationToken).ConfigureAwait(false);
        }
        return errors;
    }

    private async Task ValidateRolesAsync(CallCenterDbContext db, UserEditModel model, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var wanted = model.Roles.Select(userManager.NormalizeName).Distinct().ToList();
        var known = await db.Roles.CountAsync(r => wanted.Contains(r.NormalizedName), cancellationToken).ConfigureAwait(false);
        if (known != wanted.Count)
        {
            errors[nameof(model.Roles)] = AdminErrorCodes.UnknownRole;
        }
    }

    private static async Task ValidateAgentAsync(
        CallCenterDbContext db, UserEditModel model, Agent? existingAgent, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var ownId = existingAgent?.Id ?? Guid.Empty;
        var workNumber = model.WorkNumber.Trim();
        if (workNumber.Length == 0)
        {
            errors[nameof(model.WorkNumber)] = AdminErrorCodes.Required;
        }
        else if (await db.Agents.AnyAsync(a => a.WorkNumber == workNumber && a.Id != ownId, cancellationToken).ConfigureAwait(false))
        {
            errors[nameof(model.WorkNumber)] = AdminErrorCodes.Duplicate;
        }

        var extension = model.Extension.Trim();
        if (extension.Length == 0)
        {
            errors[nameof(model.Extension)] = AdminErrorCodes.Required;
        }
        else if (!AdminRules.Digits().IsMatch(extension))
        {
            errors[nameof(model.Extension)] = AdminErrorCodes.NotDigits;
        }
        else if (await db.Agents.AnyAsync(a => a.Extension == extension && a.Id != ownId, cancellationToken).ConfigureAwait(false))
        {
            errors[nameof(model.Extension)] = AdminErrorCodes.Duplicate;
        }

        if (string.IsNullOrEmpty(model.SipPassword))
        {
            if (existingAgent is null)
            {
                errors[nameof(model.SipPassword)] = AdminErrorCodes.Required;
            }
            else if (existingAgent.Extension != extension)
            {
                errors[nameof(model.SipPassword)] = AdminErrorCodes.SipPasswordNeededForNewExtension;
            }
        }
        else if (CheckSipPassword(model.SipPassword) is { } sipCode)
        {
            errors[nameof(model.SipPassword)] = sipCode;
        }

        var groupIds = model.Groups.Select(g => g.GroupId).Distinct().ToList();
        if (await db.AgentGroups.CountAsync(g => groupIds.Contains(g.Id), cancellationToken).ConfigureAwait(false) != groupIds.Count)
        {
            errors[nameof(model.Groups)] = AdminErrorCodes.UnknownGroup;
        }

        var skillIds = model.Skills.Select(s => s.SkillId).Distinct().ToList();
        if (await db.Skills.CountAsync(s => skillIds.Contains(s.Id), cancellationToken).ConfigureAwait(false) != skillIds.Count)
        {
            errors[nameof(model.Skills)] = AdminErrorCodes.UnknownSkill;
        }
        else if (model.Skills.Any(s => !AdminRules.InRange(s.Level, AdminRules.SkillLevelMin, AdminRules.SkillLevelMax)))
        {
            errors[nameof(model.Skills)] = AdminErrorCodes.SkillLevelOutOfRange;
        }

        if (model.SeatRow is < 1)
        {
            errors[nameof(model.SeatRow)] = AdminErrorCodes.OutOfRange;
        }
        if (model.SeatColumn is < 1)
        {
            errors[nameof(model.SeatColumn)] = AdminErrorCodes.OutOfRange;
        }
    }

    private static string? CheckSipPassword(string? sipPassword) =>
        string.IsNullOrEmpty(sipPassword) ? AdminErrorCodes.Required
        : sipPassword.Length < AdminRules.SipPasswordMinLength ? AdminErrorCodes.TooShort
        : null;

    private async Task<string?> CheckWebPasswordAsync(AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return AdminErrorCodes.Required;
        }
        foreach (var validator in userManager.PasswordValidators)
        {
            var result = await validator.ValidateAsync(userManager, user, password).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return AdminErrorCodes.PasswordRejected;
            }
        }
        return null;
    }
}
