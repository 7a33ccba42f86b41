namespace CallCenter.Tests.Sip.Messages;

/// <summary>Finds the RFC 4475 torture messages: the folder holding shared/testdata/rfc4475, walking up from the test
/// binaries (CI has shared/ beside the repository clone).</summary>
internal static class Rfc4475Corpus
{
    private static readonly Lazy<string> s_directory = new(Locate);

    public static string Directory => s_directory.Value;

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Directory, name + ".dat"));

    public static IEnumerable<string> AllNames() =>
        System.IO.Directory.GetFiles(Directory, "*.dat").Select(Path.GetFileNameWithoutExtension).Order()!;

    public static readonly string[] Valid =
        ["wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq", "semiuri", "transports",
         "mpart01", "unreason", "noreason"];

    public static readonly string[] Invalid =
        ["badinv01", "clerr", "ncl", "scalar02", "scalarlg", "quotbal", "ltgtruri", "lwsruri", "lwsstart", "trws",
         "escruri", "baddate", "regbadct", "badaspec", "baddn", "badvers", "mismatch01", "mismatch02", "bigcode"];

    // 3.2, 3.3, 3.4: parse; the application layer decides the response.
    public static readonly string[] ParseForApplication =
        ["badbranch", "insuf", "unkscm", "novelsc", "unksm2", "bext01", "invut", "regaut01", "multi01", "mcl01",
         "bcast", "zeromf", "cparam01", "cparam02", "regescrt", "sdp01", "inv2543"];

    private static string Locate()
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
