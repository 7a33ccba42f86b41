using System.Text.Json;

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallCenter.Web.Hosting.Health;

/// <summary>
/// Writes the health report as JSON:
/// {"status":"Healthy","components":{"database":{"status":"Healthy","description":"...","durationMs":3}, ...}}.
/// Exception details stay in the log, not in an anonymous response.
/// </summary>
internal static class HealthJsonWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds));
        json.WriteStartObject("components");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
