using System.Security.Claims;

using CallCenter.Core.Domain;
using CallCenter.Core.Services.Recordings;

using Microsoft.AspNetCore.Diagnostics;

namespace CallCenter.Web.Hosting;

/// <summary>
/// GET /recordings/{id}: the recording's audio (audio/ogg) with HTTP range support, so a browser's audio
/// element can seek. Who may hear it, and the audit of every request, are Core's
/// (<see cref="RecordingPlaybackService"/>); a refusal is a plain 403, not the access-denied page, because
/// the caller is a player, not a person reading a page.
/// </summary>
public static class RecordingEndpoints
{
    /// <summary>The route.</summary>
    public const string Route = "/recordings/{id:guid}";

    /// <summary>The URL of one recording.</summary>
    public static string PathOf(Guid id) => $"/recordings/{id}";

    /// <summary>Maps the endpoint (signed-in users only; the rest is decided per recording).</summary>
    public static IEndpointRouteBuilder MapRecordingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, async (Guid id, HttpContext http, RecordingPlaybackService playback, CancellationToken cancellationToken) =>
        {
            var user = http.User;
            var viewer = new RecordingViewer(
                Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? userId : null,
                user.Identity?.Name ?? "",
                Roles.All.Where(user.IsInRole).ToList());
            var range = http.Request.Headers.Range.ToString();
            var result = await playback.OpenAsync(
                id,
                viewer,
                http.Connection.RemoteIpAddress?.ToString(),
                range.Length == 0 ? null : "range " + range,
                cancellationToken);
            switch (result.Access)
            {
                case RecordingAccess.Granted:
                    return Results.File(result.FilePath!, "audio/ogg", enableRangeProcessing: true);
                case RecordingAccess.Forbidden:
                    // Keep the 403 as it is: no re-executed HTML page for an audio request.
                    if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                    {
                        statusPages.Enabled = false;
                    }
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                default:
                    return Results.NotFound();
            }
        }).RequireAuthorization();
        return endpoints;
    }
}
