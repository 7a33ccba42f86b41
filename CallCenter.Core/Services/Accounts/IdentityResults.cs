using Microsoft.AspNetCore.Identity;

namespace CallCenter.Core.Services.Accounts;

internal static class IdentityResults
{
    /// <summary>Start-up cannot go on without these accounts, so a refusal from Identity is fatal and says why.</summary>
    public static void ThrowIfFailed(IdentityResult result, string action)
    {
        if (!result.Succeeded)
        {
            var reasons = string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}"));
            throw new InvalidOperationException($"Could not {action}: {reasons}");
        }
    }
}
