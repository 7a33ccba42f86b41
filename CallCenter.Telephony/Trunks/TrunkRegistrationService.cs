using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sip.Transactions;
using CallCenter.Telephony.Sip.Transport;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Trunks;

/// <summary>
/// Registers every active trunk with <see cref="TrunkConfig.Register"/> with its carrier (RFC 3261 §10.2):
/// REGISTER to the outbound proxy or host:port, the digest challenge answered, refreshed at half the granted
/// lifetime, retried with doubling back-off after a failure, un-registered (Expires: 0) at shutdown. The trunks
/// are read once at start; their status is kept in <see cref="TrunkStatusService"/>.
/// </summary>
public sealed partial class TrunkRegistrationService(
    ITrunkDirectory trunks,
    ISipTransactionLayer transactions,
    ISipTransport transport,
    TrunkStatusService statuses,
    IOptionsMonitor<TrunkOptions> options,
    TimeProvider time,
    ILogger<TrunkRegistrationService> logger) : BackgroundService
{
    private readonly List<TrunkRegistrationClient> _clients = [];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<TrunkConfig> all;
        try
        {
            all = await trunks.GetTrunksAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLoadFailed(logger, ex);
            return;
        }
        var loops = new List<Task>();
        foreach (var trunk in all.Where(t => t.Register))
        {
            var client = new TrunkRegistrationClient(trunk, transactions, transport);
            lock (_clients)
            {
                _clients.Add(client);
            }
            loops.Add(RunAsync(client, stoppingToken));
        }
        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        TrunkRegistrationClient[] clients;
        lock (_clients)
        {
            clients = [.. _clients];
        }
        // Un-register what is registered, bounded: a silent carrier does not hold the shutdown past 4 s.
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(4));
        await Task.WhenAll(clients.Where(c => statuses.Get(c.Trunk.Id)?.State == TrunkRegistrationState.Registered)
            .Select(c => UnregisterAsync(c, bound.Token))).ConfigureAwait(false);
    }

    private async Task RunAsync(TrunkRegistrationClient client, CancellationToken stoppingToken)
    {
        var trunk = client.Trunk;
        var failures = 0;
        Set(trunk, TrunkRegistrationState.Registering, null, null);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            var asked = options.CurrentValue.RegisterExpiresSeconds;
            try
            {
                var response = await client.RegisterAsync(asked, stoppingToken).ConfigureAwait(false);
                if (response.StatusCode is >= 200 and < 300)
                {
                    var granted = Math.Max(TrunkRegistrationClient.GrantedExpires(response, asked), 2);
                    failures = 0;
                    Set(trunk, TrunkRegistrationState.Registered, null, time.GetUtcNow().AddSeconds(granted));
                    LogRegistered(logger, trunk.Name, granted);
                    wait = TimeSpan.FromSeconds(granted / 2.0);
                }
                else
                {
                    var reason = $"{response.StatusCode} {response.ReasonPhrase}";
                    Set(trunk, TrunkRegistrationState.Failed, reason, null);
                    LogFailed(logger, trunk.Name, reason);
                    wait = Backoff(++failures);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Set(trunk, TrunkRegistrationState.Failed, ex.Message, null);
                LogFailed(logger, trunk.Name, ex.Message);
                wait = Backoff(++failures);
            }
            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task UnregisterAsync(TrunkRegistrationClient client, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.RegisterAsync(0, cancellationToken).ConfigureAwait(false);
            Set(client.Trunk, TrunkRegistrationState.Unregistered, response.StatusCode is >= 200 and < 300 ? null : $"{response.StatusCode} {response.ReasonPhrase}", null);
        }
        catch (Exception ex)
        {
            LogFailed(logger, client.Trunk.Name, "un-register: " + ex.Message);
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var current = options.CurrentValue;
        var seconds = Math.Min(current.RetryMaxSeconds, current.RetryMinSeconds * Math.Pow(2, Math.Min(failures - 1, 20)));
        return TimeSpan.FromSeconds(seconds);
    }

    private void Set(TrunkConfig trunk, TrunkRegistrationState state, string? reason, DateTimeOffset? expiresAt) =>
        statuses.Set(new TrunkRegistrationStatus(trunk.Id, trunk.Name, state, reason, expiresAt, time.GetUtcNow()));

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Trunk {Trunk} registered for {Seconds} s")]
    private static partial void LogRegistered(ILogger logger, string trunk, int seconds);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Trunk {Trunk} registration failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string trunk, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Trunks could not be read; no trunk registers")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);
}
