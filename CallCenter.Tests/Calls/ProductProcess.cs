using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

using CallCenter.Tests.Sip.Registrar;

namespace CallCenter.Tests.Calls;

/// <summary>
/// The real product as a child process: the built CallCenter.Web.dll of the test run's configuration
/// (CallCenter.Web/bin/&lt;Configuration&gt;/&lt;tfm&gt;), run with <c>dotnet</c>, the demo organisation, SIP and HTTP
/// on free 127.0.0.1 ports and the given DataDir. Disposing kills it with its whole process tree.
/// </summary>
internal sealed class ProductProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ProductProcess(Process process, int sipPort, int httpPort)
    {
        _process = process;
        SipEndPoint = new IPEndPoint(IPAddress.Loopback, sipPort);
        BaseUrl = $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}";
    }

    public IPEndPoint SipEndPoint { get; }

    public string BaseUrl { get; }

    /// <summary>What the product wrote to stdout and stderr so far, for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the product on <paramref name="dataDir"/> and waits (bounded) until /healthz answers 200.</summary>
    public static async Task<ProductProcess> StartAsync(string dataDir, TimeSpan limit)
    {
        var webDirectory = WebOutputDirectory();
        var sipPort = SippRunner.FreeUdpPort();
        var httpPort = FreeTcpPort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            Path.Combine(webDirectory, "CallCenter.Web.dll"),
            $"--CallCenter:DataDir={dataDir}", "--CallCenter:Demo:Enabled=true",
            "--CallCenter:Sip:ListenAddress=127.0.0.1", $"--CallCenter:Sip:Port={sipPort.ToString(CultureInfo.InvariantCulture)}",
            "--urls", $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var product = new ProductProcess(Process.Start(start)!, sipPort, httpPort);
        product._process.OutputDataReceived += (_, e) => product.Append(e.Data);
        product._process.ErrorDataReceived += (_, e) => product.Append(e.Data);
        product._process.BeginOutputReadLine();
        product._process.BeginErrorReadLine();
        try
        {
            await product.WaitHealthyAsync(limit);
            return product;
        }
        catch
        {
            await product.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the product and its process tree (a crash, not a shutdown) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task WaitHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl + "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // One slow answer during start-up; the deadline bounds the wait.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the product did not become healthy (exited: {_process.HasExited}):\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>CallCenter.Web/bin/&lt;Configuration&gt;/&lt;tfm&gt; next to the tests' own bin/&lt;Configuration&gt;/&lt;tfm&gt;.</summary>
    private static string WebOutputDirectory()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = output.Name;
        var configuration = output.Parent!.Name;
        for (var directory = output; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "CallCenter.Web", "bin", configuration, tfm);
            if (File.Exists(Path.Combine(candidate, "CallCenter.Web.dll")))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"CallCenter.Web.dll ({configuration}, {tfm}) not found above {output.FullName}: build CallCenter.Web first");
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
