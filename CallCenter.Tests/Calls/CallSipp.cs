using System.Diagnostics;
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
            var start = new ProcessStartInfo(SippRunner.Executable)
            {
                WorkingDirectory = work,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
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
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds + 5));
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("sipp did not stop by itself");
            }
            var errors = string.Join("\n", Directory.GetFiles(work, "*_errors.log").Select(File.ReadAllText));
            return new SippResult(process.ExitCode, await output + await error, errors);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
