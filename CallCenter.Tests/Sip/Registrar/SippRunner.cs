using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.Tests.Sip.Registrar;

/// <summary>
/// Runs sipp (Debian package sip-tester, installed by scripts/install-test-deps.sh) against a server on
/// 127.0.0.1, bounded by -m, -timeout and a process time-out; returns its exit code (0: every call passed).
/// </summary>
internal static class SippRunner
{
    public const string Executable = "/usr/bin/sipp";

    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Sip", "Scenarios", name);

    /// <summary>
    /// Runs <paramref name="scenario"/> <paramref name="calls"/> times with the injection rows of
    /// <paramref name="csvRows"/>, authenticating as <paramref name="user"/> with <paramref name="password"/>.
    /// </summary>
    public static async Task<SippResult> RunAsync(
        IPEndPoint server, string scenario, IEnumerable<string> csvRows, string user, string password, int calls, int timeoutSeconds = 10, int? localPort = null)
    {
        Assert.True(IPAddress.IsLoopback(server.Address), "sipp talks to loopback only");
        Assert.True(File.Exists(Executable), "sipp missing: run scripts/install-test-deps.sh");
        var work = Directory.CreateTempSubdirectory("cc-sipp-").FullName;
        try
        {
            var csv = Path.Combine(work, "users.csv");
            await File.WriteAllLinesAsync(csv, ["SEQUENTIAL", .. csvRows]);
            return await RunProcessAsync(work,
            [
                $"127.0.0.1:{server.Port}", "-sf", Scenario(scenario), "-inf", csv, "-i", "127.0.0.1", "-au", user, "-ap", password,
                "-p", (localPort ?? FreeUdpPort()).ToString(CultureInfo.InvariantCulture), "-m", calls.ToString(CultureInfo.InvariantCulture),
                "-r", "20", "-timeout", $"{timeoutSeconds}s", "-timeout_error", "-trace_err", "-nostdin", "-recv_timeout", "3000",
            ], TimeSpan.FromSeconds(timeoutSeconds + 10));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Runs sipp with <paramref name="arguments"/> in <paramref name="work"/>; sipp bounds itself (-m,
    /// -timeout), and <paramref name="limit"/> kills it should it not stop. Returns its exit code, output
    /// and the error log it wrote (-trace_err).
    /// </summary>
    public static async Task<SippResult> RunProcessAsync(string work, IEnumerable<string> arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("sipp did not stop by itself");
        }
        var errors = string.Join("\n", Directory.GetFiles(work, "*_errors.log").Select(File.ReadAllText));
        return new SippResult(process.ExitCode, await output + await error, errors);
    }

    public static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
