namespace CallCenter.Tests.Support;

public static class Responses
{
    /// <summary>The path of a redirect's Location, whether the server wrote it absolute or relative.</summary>
    public static string LocationPath(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No Location header ({(int)response.StatusCode}).");
        return location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
    }
}
