using System.Diagnostics;
using System.Globalization;
using System.Net;

using CallCenter.Tests.Recordings;
using CallCenter.Tests.Sip.Registrar;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Calls.Control;

/// <summary>
/// The real product as a child process with the demo organisation (which records every call by its rules): a call
/// 1001 → 1002 with tone parties, the process killed mid-call; the partial recording under DataDir/recordings must
/// play, customer left and agent right, up to near the kill.
/// </summary>
[Collection(ProductProcessCollection.Name)]
public sealed class RecordingCrashTests
{
    private const double CustomerTone = 1000;
    private const double AgentTone = 440;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(45);

    // What a crash may cost at the end of the file: the recorder holds 300 ms for late packets (playout delay), writes
    // a page at least every 500 ms and wakes every 100 ms; whatever was not on a whole page at the kill is gone.
    private static readonly TimeSpan CrashLoss = TimeSpan.FromMilliseconds(300 + 500 + 100);

    [Fact]
    public async Task KilledMidCallThePartialRecordingPlaysUpToNearTheKill()
    {
        var dataDir = Directory.CreateTempSubdirectory("cc-crash-rec-").FullName;
        ProductProcess? product = null;
        var phones = new List<Task<SippResult>>();
        await using var customer = new ToneParty(CustomerTone);
        await using var agent = new ToneParty(AgentTone);
        try
        {
            product = await ProductProcess.StartAsync(dataDir, StartLimit);
            var calleePort = SippRunner.FreeUdpPort();
            var registered = await SippRunner.RunAsync(product.SipEndPoint, "register-auth.xml", ["1002;300;"], "1002", "sip1002demo", calls: 1, localPort: calleePort);
            Assert.True(registered.ExitCode == 0, registered.ToString());
            // Each phone writes the server's RTP port for its leg (from the SDP) to a file: where its party sends.
            var agentPortFile = Path.Combine(dataDir, "agent-port.txt");
            var customerPortFile = Path.Combine(dataDir, "customer-port.txt");
            phones.Add(CallSipp.RunAsync(product.SipEndPoint, CallSipp.Scenario("uas-conf-crash.xml"), calleePort, "1002", "sip1002demo",
                $"{agent.Port};{agentPortFile};", timeoutSeconds: 30));
            await Task.Delay(300);
            var dialled = Stopwatch.GetTimestamp();
            phones.Add(CallSipp.RunAsync(product.SipEndPoint, CallSipp.Scenario("uac-conf-crash.xml"), SippRunner.FreeUdpPort(), "1001", "sip1001demo",
                $"1002;1001;{customer.Port};{customerPortFile};", timeoutSeconds: 30));
            agent.SendTo(new IPEndPoint(IPAddress.Loopback, await ReadPortAsync(agentPortFile, product)));
            customer.SendTo(new IPEndPoint(IPAddress.Loopback, await ReadPortAsync(customerPortFile, product)));
            // The caller's 200 has come: the bridge (and with it the recording) started before this.
            var answered = Stopwatch.GetTimestamp();
            Assert.True(await agent.WaitHeardAsync(agent.Mark(), 3 * 8000, TimeSpan.FromSeconds(15)), "the agent heard nothing:\n" + product.Output);
            Assert.True(agent.Share(CustomerTone, 0) > 0.5, "the agent does not hear the customer");
            var recording = Assert.Single(Directory.GetFiles(Path.Combine(dataDir, "recordings"), "*.ogg", SearchOption.AllDirectories));

            var killed = Stopwatch.GetTimestamp();
            await product.KillAsync();

            var (left, right, file) = RecordingAudio.Decode(RecordingAudio.ReadShared(recording));
            Assert.False(file.EndOfStream, "a killed recorder cannot have finished its file");
            // The recording began between the dialling and the caller's 200; it must reach to within the crash loss of the kill.
            var longest = Stopwatch.GetElapsedTime(dialled, killed);
            var shortest = Stopwatch.GetElapsedTime(answered, killed) - CrashLoss;
            Assert.True(file.Duration >= shortest && file.Duration <= longest,
                $"the partial recording is {file.Duration.TotalSeconds:F2} s, the call lasted {shortest.TotalSeconds:F2}..{longest.TotalSeconds:F2} s to the kill");
            var end = left.Length / 8000.0;
            Assert.Equal(CustomerTone, AudioAnalysis.Dominant(RecordingAudio.Slice(left, end - 1.5, end - 0.1)));
            Assert.Equal(AgentTone, AudioAnalysis.Dominant(RecordingAudio.Slice(right, end - 1.5, end - 0.1)));
        }
        finally
        {
            if (product is not null)
            {
                await product.DisposeAsync();
            }
            // The phones fail by their time-out (no BYE ever comes); only their end matters here.
            await Task.WhenAll(phones.Select(p => p.ContinueWith(_ => { }, TaskScheduler.Default)));
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<int> ReadPortAsync(string file, ProductProcess product)
    {
        var until = Stopwatch.GetTimestamp() + (15 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            // "m=audio <port>", the SDP media line (RFC 8866 §5.14) the phone wrote.
            if (File.Exists(file) && (await File.ReadAllTextAsync(file)).Split(' ', StringSplitOptions.TrimEntries) is [_, var text]
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                return port;
            }
            await Task.Delay(20);
        }
        var output = product.Output;
        throw new Xunit.Sdk.XunitException($"no SDP port in {Path.GetFileName(file)}; the product's last output:\n{output[Math.Max(0, output.Length - 4000)..]}");
    }
}
