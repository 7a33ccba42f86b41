// Screen pop latency: from the INVITE leaving a simulated customer (13800138000, the demo's 张伟) to 张伟's card rendered
// in agent01's workspace in headless Chromium, over N calls to the sales queue (4001). agent01's phone (1001) is a
// simulated phone that answers after 0.2 s; the customer talks 1 s and hangs up; the agent ends wrap-up and closes the
// panel before the next call, so every card is a fresh render.
// Usage: CallCenter.ScreenPop <web base url> <sip host:port> [calls]
using System.Diagnostics;
using System.Globalization;
using System.Net;

using CallCenter.Telephony.Simulation;

using Microsoft.Playwright;

var baseUrl = args[0];
var server = IPEndPoint.Parse(args[1]);
var calls = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;

var clock = new SimulatedMediaClock();
await using var phone = new SimulatedAgentPhone(server, clock, new SimulatedAgentPhoneOptions
{
    Extension = "1001",
    Password = "sip1001demo",
    AnswerPolicy = _ => new IncomingCallPlan(TimeSpan.FromSeconds(0.2), null),
});
if (await phone.RegisterAsync() != 200)
{
    throw new InvalidOperationException("1001 could not register");
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = baseUrl });
context.SetDefaultTimeout(30_000);
var page = await context.NewPageAsync();
await page.GotoAsync("/login");
await page.FillAsync("#username", "agent01");
await page.FillAsync("#password", "Demo@2026");
await page.ClickAsync("button[type=submit]");
await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.OrdinalIgnoreCase), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
await page.GotoAsync("/workspace");
await Assertions.Expect(page.GetByTestId("agent-status")).ToContainTextAsync("示闲");

var samples = new List<double>();
for (var i = 0; i < calls; i++)
{
    await page.EvaluateAsync(
        """
        () => { window.popAt = null; new MutationObserver((_, observer) => {
          const name = document.querySelector('[data-testid=customer-name]');
          if (name && name.textContent.includes('张伟')) { window.popAt = Date.now(); observer.disconnect(); }
        }).observe(document.body, { childList: true, subtree: true, characterData: true }); }
        """);
    await using var customer = new SimulatedCustomer(server, clock, "13800138000");
    var call = customer.CallAsync(new CustomerCallPlan { DialledNumber = "4001", TalkTime = TimeSpan.FromSeconds(1), Patience = TimeSpan.FromSeconds(20) });
    while (customer.Call is null)
    {
        await Task.Delay(1);
    }
    // The wall-clock time the INVITE left: the browser's Date.now() is on the same clock.
    var inviteAt = DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(customer.Call.InviteTimestamp);
    await page.WaitForFunctionAsync("() => window.popAt !== null");
    var popAt = DateTimeOffset.FromUnixTimeMilliseconds((long)await page.EvaluateAsync<double>("() => window.popAt"));
    samples.Add((popAt - inviteAt).TotalMilliseconds);
    var result = await call;
    if (result.Outcome != CustomerCallOutcome.Answered)
    {
        throw new InvalidOperationException($"call {i + 1}: {result.Outcome} {result.FinalStatus}");
    }
    await page.GetByTestId("wrap-up-finish").ClickAsync();
    await page.GetByTestId("pop-close").ClickAsync();
    await Assertions.Expect(page.GetByTestId("agent-status")).ToContainTextAsync("示闲");
}

samples.Sort();
double Percentile(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p / 100 * samples.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"screen pop over {samples.Count} calls (INVITE sent → 张伟's card rendered in Chromium): p50 {Percentile(50):F0} ms, p95 {Percentile(95):F0} ms, max {samples[^1]:F0} ms"));
