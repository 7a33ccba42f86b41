using System.Diagnostics;
using System.Net;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Telephony.Simulation;

/// <summary>
/// A simulated customer calling in over real SIP and RTP: its own UDP sockets on 127.0.0.1, From
/// <c>sip:&lt;number&gt;@server</c>, no credentials (the server's AllowUnauthenticatedInbound) unless some are given
/// (then a 401/407 is answered once). One call at a time: <see cref="CallAsync"/> runs it to its end as the
/// <see cref="CustomerCallPlan"/> says. The customer sends a tone, can press keys, abandons when its patience runs out,
/// and hangs up after its talk time.
/// </summary>
public sealed class SimulatedCustomer : IAsyncDisposable
{
    private readonly SimulatedUserAgent _agent;
    private TaskCompletionSource<long> _agentReached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A customer with caller number <paramref name="number"/>.</summary>
    /// <param name="server">The SIP server.</param>
    /// <param name="clock">The media clock its RTP runs on.</param>
    /// <param name="number">The caller number (From user).</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="authUser">Digest user name for servers that challenge (null: none).</param>
    /// <param name="password">Digest password.</param>
    /// <param name="toneFrequencyHz">The tone it sends (a multiple of 50 Hz; 0: silence).</param>
    public SimulatedCustomer(IPEndPoint server, SimulatedMediaClock clock, string number, ILogger? logger = null,
        string? authUser = null, string? password = null, int toneFrequencyHz = 400)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentException.ThrowIfNullOrEmpty(number);
        Number = number;
        _agent = new SimulatedUserAgent(server, clock, number, authUser, password, toneFrequencyHz, logger ?? NullLogger.Instance);
    }

    /// <summary>The caller number.</summary>
    public string Number { get; }

    /// <summary>The call in progress or the last one; set as soon as <see cref="CallAsync"/> sends the INVITE.</summary>
    public SimulatedCall? Call { get; private set; }

    /// <summary>
    /// Tells the customer that an agent answered its call (the customer cannot tell by the audio): whoever correlates the
    /// agent phones' INVITEs (From user = this customer's number) with customers calls it when the agent's 200 went.
    /// </summary>
    public void AgentAnsweredHint() => Volatile.Read(ref _agentReached).TrySetResult(Stopwatch.GetTimestamp());

    /// <summary>Places a call as <paramref name="plan"/> says and returns when it is over.</summary>
    public async Task<CustomerCallResult> CallAsync(CustomerCallPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var reached = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _agentReached, reached);
        var call = _agent.Dial(plan.DialledNumber);
        Call = call;
        using var patience = plan.Patience is { } limit
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        patience?.CancelAfter(plan.Patience!.Value);
        var patienceToken = patience?.Token ?? cancellationToken;
        try
        {
            await Task.WhenAny(call.FinalResponse, Task.Delay(Timeout.Infinite, patienceToken)).ConfigureAwait(false);
            if (!call.FinalResponse.IsCompleted)
            {
                await call.HangUpAsync(CancellationToken.None).ConfigureAwait(false);
                return Result(cancellationToken.IsCancellationRequested ? CustomerCallOutcome.Stopped : CustomerCallOutcome.Abandoned, call, null);
            }
            var status = await call.FinalResponse.ConfigureAwait(false);
            if (status is < 200 or >= 300 || call.State != SimulatedCallState.Answered)
            {
                return Result(call.EndReason == SimulatedCallEndReason.Disposed ? CustomerCallOutcome.Stopped : CustomerCallOutcome.Failed, call, null);
            }
            if (!string.IsNullOrEmpty(plan.Digits))
            {
                _ = PressLaterAsync(call, plan.Digits, plan.DigitsDelay);
            }
            long connected;
            if (plan.WaitForAgentHint)
            {
                var first = await Task.WhenAny(reached.Task, call.Ended, Task.Delay(Timeout.Infinite, patienceToken)).ConfigureAwait(false);
                if (first != reached.Task)
                {
                    if (call.State == SimulatedCallState.Ended)
                    {
                        return Result(call.EndReason == SimulatedCallEndReason.RemoteHangUp ? CustomerCallOutcome.EndedByServer : CustomerCallOutcome.Stopped, call, null);
                    }
                    await call.HangUpAsync(CancellationToken.None).ConfigureAwait(false);
                    return Result(cancellationToken.IsCancellationRequested ? CustomerCallOutcome.Stopped : CustomerCallOutcome.Abandoned, call, null);
                }
                connected = await reached.Task.ConfigureAwait(false);
            }
            else
            {
                connected = call.AnsweredTimestamp!.Value;
            }
            try
            {
                await Task.WhenAny(call.Ended, Task.Delay(plan.TalkTime, cancellationToken)).ConfigureAwait(false);
            }
            finally
            {
                await call.HangUpAsync(CancellationToken.None).ConfigureAwait(false);
            }
            return Result(call.EndReason == SimulatedCallEndReason.Disposed ? CustomerCallOutcome.Stopped : CustomerCallOutcome.Answered, call,
                Stopwatch.GetElapsedTime(call.InviteTimestamp, connected));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await call.HangUpAsync(CancellationToken.None).ConfigureAwait(false);
            return Result(CustomerCallOutcome.Stopped, call, null);
        }
    }

    /// <summary>Hangs up what is up and closes the sockets.</summary>
    public ValueTask DisposeAsync() => _agent.DisposeAsync();

    private static CustomerCallResult Result(CustomerCallOutcome outcome, SimulatedCall call, TimeSpan? timeToAgent) =>
        new(outcome, call.FinalStatus ?? 0, call, timeToAgent);

    private static async Task PressLaterAsync(SimulatedCall call, string digits, TimeSpan delay)
    {
        await Task.WhenAny(call.Ended, Task.Delay(delay)).ConfigureAwait(false);
        if (call.State == SimulatedCallState.Answered)
        {
            await call.SendDigitsAsync(digits).ConfigureAwait(false);
        }
    }
}
