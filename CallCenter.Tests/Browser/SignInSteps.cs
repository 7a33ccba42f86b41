using Microsoft.Playwright;

namespace CallCenter.Tests.Browser;

/// <summary>What a person does to sign in, in the real page.</summary>
internal static class SignInSteps
{
    public const string DemoPassword = "Demo@2026";

    public static async Task SignInAsync(this IPage page, string userName, string password = DemoPassword)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        try
        {
            // DOMContentLoaded, not Commit: when the redirect has already landed before this wait starts, Playwright waits
            // for the current page's load state, and "commit" is not one a finished page reports (the wait then ran
            // into its time-out although signed in). The next steps wait for what they need on the new page.
            await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.OrdinalIgnoreCase), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"Sign-in as {userName} stayed on {page.Url}: {await page.InnerTextAsync("body")}", e);
        }
    }
}
