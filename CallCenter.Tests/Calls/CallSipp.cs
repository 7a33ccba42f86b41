using System.Globalization;
using System.Net;

using CallCenter.Tests.Sip.Registrar;

namespace CallCenter.Tests.Calls;

/// <summary>Starts sipp for the call tests: a caller or a callee on 127.0.0.1, bounded by -m 1, -timeout and a process time-out.</summary>
internal static class CallSipp
{
    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Calls", "Scenarios", name);

    /// <summary>Runs sipp with <paramref name="scenario"/> (a path) against <paramref name="server"/>; completes with its result.</summary>
    public static async Task<SippResult> RunAsync(IPEndPoint server, string scenario, int localPort, string user, string password, string? csvRow = null, int timeoutSeconds = 8, params string[] extra)
    {
        var work = Directory.CreateTempSubdirectory("cc-call-").FullName;
        try
        {
            var arguments = new List<string>
            {
                $"127.0.0.1:{server.Port}", "-sf", scenario, "-i", "127.0.0.1", "-au", user, "-ap", password,
                "-p", localPort.ToString(CultureInfo.InvariantCulture), "-m", "1", "-timeout", $"{timeoutSeconds}s", "-timeout_error",
                "-trace_err", "-nostdin", "-recv_timeout", $"{timeoutSeconds * 1000}",
            };
            if (csvRow is not null)
            {
                var csv = Path.Combine(work, "call.csv");
                await File.WriteAllLinesAsync(csv, ["SEQUENTIAL", csvRow]);
                arguments.AddRange(["-inf", csv]);
                // sipp's digest-uri defaults to sip:host:port; RFC 2617 §3.2.2.5 (which the server checks, like a
                // phone's stack expects) wants the Request-URI, sip:<dialled>@host:port.
                var dialled = csvRow.Split(';')[0];
                arguments.AddRange(["-auth_uri", $"{dialled}@127.0.0.1:{server.Port.ToString(CultureInfo.InvariantCulture)}"]);
            }
            arguments.AddRange(extra);
            return await SippRunner.RunProcessAsync(work, arguments, TimeSpan.FromSeconds(timeoutSeconds + 5));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
