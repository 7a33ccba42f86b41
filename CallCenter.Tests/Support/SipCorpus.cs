namespace CallCenter.Tests.Support;

/// <summary>The RFC 4475 torture corpus in shared/testdata/rfc4475, found by walking up from the test binaries (CI keeps shared/ beside the clone).</summary>
public static class SipCorpus
{
    public static byte[] Read(string fileName) => File.ReadAllBytes(Path.Combine(Directory(), fileName));

    public static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "testdata", "rfc4475");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("shared/testdata/rfc4475 not found above " + AppContext.BaseDirectory);
    }
}
