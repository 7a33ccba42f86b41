using System.Globalization;
using System.Net;

using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Options;
using CallCenter.Telephony.Simulation;
using CallCenter.Telephony.Sip.Transport;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Demo;

/// <summary>
/// Demo traffic (CallCenter:Demo:Simulate with Demo:Enabled): once the SIP transport is bound, runs a
/// <see cref="TrafficSimulator"/> against it on loopback: the demo agents of CallCenter:Demo:SimulatedAgents register,
/// log in with *61, answer after 2-6 s and talk 20-90 s; customers call the queues 4001, 4002 and 4004 at
/// CallCenter:Demo:SimulatedCallsPerMinute and give up after 30-150 s. Callers are mostly random mobiles, some of the
/// demo's known customers, so the database fills with calls and agent intervals that agree with each other.
/// </summary>
/// <remarks>Registered with the demo services in every composition; the transport and the database are resolved only when
/// the simulation is on, so hosts without telephony still start.</remarks>
public sealed partial class DemoSimulationService(
    IOptions<CallCenterOptions> options,
    IServiceProvider services,
    ILogger<DemoSimulationService> logger) : BackgroundService
{
    /// <summary>The numbers simulated customers dial: the demo's queues (the main IVR 4000 joins once it runs).</summary>
    public static readonly IReadOnlyList<string> DialledNumbers = ["4001", "4002", "4004"];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value.Demo;
        if (!demo.Enabled || !demo.Simulate)
        {
            return;
        }
        IReadOnlyList<string> extensions;
        try
        {
            extensions = DemoSimulationSettings.ParseExtensions(demo.SimulatedAgents);
        }
        catch (FormatException ex)
        {
            LogBadSetting(logger, ex.Message);
            return;
        }
        if (services.GetService<ISipTransport>() is not { } transport)
        {
            LogNoTransport(logger, "not registered");
            return;
        }
        var server = await WaitForTransportAsync(transport, stoppingToken).ConfigureAwait(false);
        if (server is null)
        {
            return;
        }
        var known = await KnownCustomerNumbersAsync(stoppingToken).ConfigureAwait(false);
        var simulator = new TrafficSimulator(new TrafficSimulatorOptions
        {
            Server = server,
            Agents = extensions.Select(e => new SimulatedAgentAccount(e, $"sip{e}demo")).ToArray(),
            DialledNumbers = DialledNumbers,
            CallsPerSecond = demo.SimulatedCallsPerMinute / 60,
            AnswerDelay = TimeRange.Seconds(2, 6),
            TalkTime = TimeRange.Seconds(20, 90),
            Patience = TimeRange.Seconds(30, 150),
            CallerNumbers = (random, _) => CallerNumber(random, known),
            Seed = Environment.TickCount,
        }, logger);
        await using (simulator.ConfigureAwait(false))
        {
            LogStarting(logger, server.ToString(), extensions.Count, demo.SimulatedCallsPerMinute);
            try
            {
                await simulator.StartAgentsAsync(stoppingToken).ConfigureAwait(false);
                await simulator.RunAsync(null, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Host stopping: the simulator hangs up and un-registers below.
            }
            LogStopped(logger, simulator.Statistics.ToString());
        }
    }

    // A quarter of the callers are demo customers (known numbers give the agents a customer record), the rest unknown mobiles.
    private static string CallerNumber(Random random, IReadOnlyList<string> known)
    {
        if (known.Count > 0 && random.NextDouble() < 0.25)
        {
            return known[random.Next(known.Count)];
        }
        string[] prefixes = ["135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "186", "187", "188"];
        return prefixes[random.Next(prefixes.Length)] + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
    }

    private async Task<IPEndPoint?> WaitForTransportAsync(ISipTransport transport, CancellationToken stoppingToken)
    {
        // The transport binds as the host starts; hosted services start in order, so it may not be bound yet.
        while (!stoppingToken.IsCancellationRequested)
        {
            switch (transport.State)
            {
                case SipTransportState.Running when transport.UdpEndPoint is { } bound:
                    var address = bound.EndPoint.Address;
                    var loopback = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? IPAddress.Loopback : address;
                    return new IPEndPoint(loopback, bound.EndPoint.Port);
                case SipTransportState.Failed or SipTransportState.Stopped:
                    LogNoTransport(logger, transport.FailureReason ?? transport.State.ToString());
                    return null;
            }
            try
            {
                await Task.Delay(200, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
        return null;
    }

    private async Task<IReadOnlyList<string>> KnownCustomerNumbersAsync(CancellationToken cancellationToken)
    {
        try
        {
            var contexts = services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var blacklisted = await db.Blacklist.Select(b => b.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
            var numbers = await db.CustomerPhones.Where(p => p.Kind == PhoneKind.Mobile).OrderBy(p => p.Number).Select(p => p.Number)
                .Take(200).ToListAsync(cancellationToken).ConfigureAwait(false);
            return numbers.Except(blacklisted).ToArray();
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            LogNoCustomers(logger, ex);
            return [DemoContract.ZhangWeiNumber, DemoContract.LiNaNumber];
        }
    }

    [LoggerMessage(EventId = 4901, Level = LogLevel.Information, Message = "Demo simulation against {Server}: {Agents} agent phones, {CallsPerMinute} calls/min")]
    private static partial void LogStarting(ILogger logger, string server, int agents, double callsPerMinute);

    [LoggerMessage(EventId = 4902, Level = LogLevel.Information, Message = "Demo simulation stopped: {Statistics}")]
    private static partial void LogStopped(ILogger logger, string statistics);

    [LoggerMessage(EventId = 4903, Level = LogLevel.Warning, Message = "Demo simulation not started: CallCenter:Demo:SimulatedAgents {Problem}")]
    private static partial void LogBadSetting(ILogger logger, string problem);

    [LoggerMessage(EventId = 4904, Level = LogLevel.Warning, Message = "Demo simulation not started: SIP transport {State}")]
    private static partial void LogNoTransport(ILogger logger, string state);

    [LoggerMessage(EventId = 4905, Level = LogLevel.Warning, Message = "Demo simulation: customer numbers could not be read; two known numbers used")]
    private static partial void LogNoCustomers(ILogger logger, Exception exception);
}
