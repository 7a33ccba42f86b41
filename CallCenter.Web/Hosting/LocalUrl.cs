namespace CallCenter.Web.Hosting;

/// <summary>Guards redirects that take a URL from the request (return URLs) against open redirects.</summary>
public static class LocalUrl
{
    /// <summary>The same rule as ASP.NET's IUrlHelper.IsLocalUrl: a path on this site, never "//host" or "/\host".</summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/')
        {
            return false;
        }
        if (url.Length == 1)
        {
            return true;
        }
        return url[1] != '/' && url[1] != '\\' && !url.Any(char.IsControl);
    }

    public static string OrRoot(string? url)
    {
        return IsLocal(url) ? url! : "/";
    }
}
