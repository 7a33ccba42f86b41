using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

using CallCenter.Telephony.Events;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Tests.Sip.Registrar;
using CallCenter.Tests.Support;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Calls;

/// <summary>
/// A real SIP phone as the caller: baresip, as 1001 with the demo password, dials the echo test (9196) through
/// the whole app (ausine as its audio source, G.711), the call is answered, then baresip hangs up with its
/// <c>/hangup</c> command (sent over its <c>cons</c> TCP console) and the call ends normally by the caller.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class BaresipEchoCallTests(CallCenterWebFactory app)
{
    private IPEndPoint SipEndPoint => app.Services.GetRequiredService<ISipTransport>().UdpEndPoint!.EndPoint;

    [Fact]
    public async Task BaresipCallsTheEchoTestAndHangsUp()
    {
        Assert.True(File.Exists("/usr/bin/baresip"), "baresip missing: run scripts/install-test-deps.sh");
        var events = new List<CallEvent>();
        using var subscription = app.Services.GetRequiredService<CallEventStream>().Subscribe(e =>
        {
            lock (events)
            {
                events.Add(e);
            }
        });
        var config = Directory.CreateTempSubdirectory("cc-baresip-").FullName;
        var consolePort = FreeTcpPort();
        var output = new StringBuilder();
        Process? baresip = null;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(config, "accounts"),
                $"<sip:1001@127.0.0.1:{SipEndPoint.Port};transport=udp>;auth_pass=sip1001demo;regint=0;audio_codecs=PCMU\n");
            await File.WriteAllTextAsync(Path.Combine(config, "config"),
                "sip_listen 127.0.0.1:0\nmodule_path /usr/lib/baresip/modules\nmodule g711.so\nmodule ausine.so\n"
                + "module cons.so\nmodule menu.so\nmodule account.so\n"
                + $"cons_listen 127.0.0.1:{consolePort.ToString(CultureInfo.InvariantCulture)}\n"
                + "audio_source ausine,440\nausrc_srate 48000\nausrc_channels 2\nauplay_srate 48000\nauplay_channels 2\naudio_player nothing\naudio_alert nothing\n"
                + "rtp_ports 32000-32998\n");
            var start = new ProcessStartInfo("/usr/bin/baresip")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("-v");
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add(config);
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add("/dial 9196");
            baresip = Process.Start(start)!;
            baresip.OutputDataReceived += (_, e) => Append(output, e.Data);
            baresip.ErrorDataReceived += (_, e) => Append(output, e.Data);
            baresip.BeginOutputReadLine();
            baresip.BeginErrorReadLine();

            var answered = await WaitForAsync(events, e => e is CallAnswered, baresip);
            Assert.True(answered is not null, "the echo test call was not answered:\n" + Text(output));

            // The call stays up (media running) until baresip is told to hang up.
            await Task.Delay(TimeSpan.FromSeconds(1));
            lock (events)
            {
                Assert.True(!events.Any(e => e is CallEnded && e.CallId == answered!.CallId), "the call ended before /hangup:\n" + Text(output));
            }

            using (var console = new TcpClient())
            {
                await console.ConnectAsync(IPAddress.Loopback, consolePort);
                await console.GetStream().WriteAsync(Encoding.ASCII.GetBytes("/hangup\n"));
                var ended = await WaitForAsync(events, e => e is CallEnded && e.CallId == answered!.CallId, baresip);
                Assert.True(ended is not null, "the call did not end:\n" + Text(output));
            }

            CallEvent[] call;
            lock (events)
            {
                call = events.Where(e => e.CallId == answered!.CallId).ToArray();
            }
            var offered = Assert.Single(call.OfType<CallOffered>());
            Assert.Equal(("1001", "9196"), (offered.CallerNumber, offered.DialledNumber));
            var end = Assert.Single(call.OfType<CallEnded>());
            Assert.Equal((CallEndCause.Normal, HangupSide.Caller), (end.Cause, end.HangupBy));
        }
        finally
        {
            if (baresip is { HasExited: false })
            {
                baresip.Kill(entireProcessTree: true);
                await baresip.WaitForExitAsync();
            }
            baresip?.Dispose();
            Directory.Delete(config, recursive: true);
        }
    }

    private static async Task<CallEvent?> WaitForAsync(List<CallEvent> events, Func<CallEvent, bool> match, Process baresip)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !baresip.HasExited)
        {
            lock (events)
            {
                var found = events.FirstOrDefault(e => match(e));
                if (found is not null)
                {
                    return found;
                }
            }
            await Task.Delay(50);
        }
        lock (events)
        {
            return events.FirstOrDefault(e => match(e));
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
