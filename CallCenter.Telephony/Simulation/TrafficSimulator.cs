using System.Collections.Concurrent;
using System.Diagnostics;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Telephony.Simulation;

/// <summary>
/// Call-center traffic over real SIP and RTP: agent phones that register, log in and take calls (answer after a drawn
/// delay, talk a drawn time, hang up), and customers arriving by a Poisson process who call the dialled numbers, wait
/// with a drawn patience and abandon when it runs out. An agent phone's INVITE is matched to its customer by the caller
/// number (the From user the server passes on), which gives the routing latency and tells the customer an agent
/// answered (<see cref="SimulatedCustomer.AgentAnsweredHint"/>). All draws come from one seeded <see cref="Random"/>.
/// </summary>
public sealed partial class TrafficSimulator : IAsyncDisposable
{
    private readonly TrafficSimulatorOptions _options;
    private readonly ILogger _logger;
    private readonly bool _ownsClock;
    private readonly Random _random;
    private readonly Lock _randomGate = new();
    private readonly Lock _waitingGate = new();
    private readonly Dictionary<string, List<WaitingCustomer>> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WaitingCustomer> _byAgentCall = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _customersStop = new();
    private readonly List<SimulatedAgentPhone> _agents = [];
    private long _callCounter;
    private int _callsInProgress;

    /// <summary>A simulator for <paramref name="options"/>; media run on <paramref name="clock"/> (a clock of its own when null).</summary>
    public TrafficSimulator(TrafficSimulatorOptions options, ILogger? logger = null, SimulatedMediaClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _ownsClock = clock is null;
        Clock = clock ?? new SimulatedMediaClock();
        _random = new Random(options.Seed);
    }

    /// <summary>What was counted so far.</summary>
    public TrafficStatistics Statistics { get; } = new();

    /// <summary>The agent phones (after <see cref="StartAgentsAsync"/>).</summary>
    public IReadOnlyList<SimulatedAgentPhone> Agents => _agents;

    /// <summary>The media clock of every phone and customer.</summary>
    public SimulatedMediaClock Clock { get; }

    /// <summary>Customer calls in progress.</summary>
    public int CallsInProgress => Volatile.Read(ref _callsInProgress);

    /// <summary>Raised when a customer call is over, after it was counted.</summary>
    public event Action<CustomerCallResult>? CallCompleted;

    /// <summary>
    /// Creates the agent phones, registers them (20 at a time) and dials the log-in feature code from each registered
    /// one; returns how many registered.
    /// </summary>
    public async Task<int> StartAgentsAsync(CancellationToken cancellationToken = default)
    {
        foreach (var account in _options.Agents)
        {
            var phone = new SimulatedAgentPhone(_options.Server, Clock, new SimulatedAgentPhoneOptions
            {
                Extension = account.Extension,
                Password = account.Password,
                RegisterExpiresSeconds = _options.RegisterExpiresSeconds,
                AnswerPolicy = _ => new IncomingCallPlan(Draw(_options.AnswerDelay), Draw(_options.TalkTime)),
            }, _logger);
            phone.IncomingCall += OnAgentInvite;
            phone.CallAnswered += OnAgentAnswered;
            _agents.Add(phone);
        }
        var registered = 0;
        using var gate = new SemaphoreSlim(20);
        await Task.WhenAll(_agents.Select(async phone =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (await phone.RegisterAsync(cancellationToken).ConfigureAwait(false) is >= 200 and < 300)
                {
                    Interlocked.Increment(ref registered);
                    if (_options.AgentFeatureCode is { } code)
                    {
                        await phone.DialFeatureCodeAsync(code, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        LogAgentsStarted(_logger, registered, _agents.Count);
        return registered;
    }

    /// <summary>
    /// Lets customers arrive (Poisson, <see cref="TrafficSimulatorOptions.CallsPerSecond"/>) for <paramref name="duration"/>
    /// (null: until cancelled), then waits up to <see cref="TrafficSimulatorOptions.DrainTimeout"/> for the calls in
    /// progress and hangs up the rest. Cancelling hangs up every customer at once.
    /// </summary>
    public async Task RunAsync(TimeSpan? duration, CancellationToken cancellationToken = default)
    {
        if (_options.DialledNumbers.Count == 0 || _options.CallsPerSecond <= 0)
        {
            throw new InvalidOperationException("Customers need dialled numbers and a positive arrival rate.");
        }
        var start = Stopwatch.GetTimestamp();
        var stopAt = duration is { } d ? start + (long)(d.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var next = (double)start;
        try
        {
            while (true)
            {
                double uniform;
                lock (_randomGate)
                {
                    uniform = _random.NextDouble();
                }
                // Exponential gaps make a Poisson process; scheduled on absolute times so that delays do not drift.
                next += -Math.Log(1 - uniform) / _options.CallsPerSecond * Stopwatch.Frequency;
                if (next >= stopAt)
                {
                    break;
                }
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), (long)next);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
                Track(RunCustomerAsync(NextPlan(), _customersStop.Token));
            }
            var drain = Task.WhenAll(_inFlight.Keys);
            if (await Task.WhenAny(drain, Task.Delay(_options.DrainTimeout, cancellationToken)).ConfigureAwait(false) != drain)
            {
                await _customersStop.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _customersStop.CancelAsync().ConfigureAwait(false);
        }
        await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
    }

    /// <summary>
    /// One customer call outside the arrival process (tests, benches): the next caller number, matched and counted like
    /// the others; <paramref name="plan"/> may set anything but the caller number.
    /// </summary>
    public Task<CustomerCallResult> PlaceCallAsync(CustomerCallPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var task = RunCustomerAsync(plan, cancellationToken);
        Track(task);
        return task;
    }

    /// <summary>Hangs up every customer, un-registers the agent phones and stops the clock (when it owns it).</summary>
    public async ValueTask DisposeAsync()
    {
        await _customersStop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
        await Task.WhenAll(_agents.Select(a => a.DisposeAsync().AsTask())).ConfigureAwait(false);
        if (_ownsClock)
        {
            Clock.Dispose();
        }
        _customersStop.Dispose();
    }

    private CustomerCallPlan NextPlan()
    {
        lock (_randomGate)
        {
            var dtmf = _options.DtmfProbability > 0 && _random.NextDouble() < _options.DtmfProbability;
            return new CustomerCallPlan
            {
                DialledNumber = _options.DialledNumbers[_random.Next(_options.DialledNumbers.Count)],
                Patience = _options.Patience.Draw(_random),
                // Agents end the calls; the customer's own limit is only a safety net.
                TalkTime = _options.TalkTime.Max + TimeSpan.FromSeconds(60),
                WaitForAgentHint = _options.WaitForAgent,
                Digits = dtmf ? _options.DtmfDigits : null,
                DigitsDelay = _options.DtmfDelay,
            };
        }
    }

    private TimeSpan Draw(TimeRange range)
    {
        lock (_randomGate)
        {
            return range.Draw(_random);
        }
    }

    private void Track(Task task)
    {
        _inFlight[task] = 0;
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task<CustomerCallResult> RunCustomerAsync(CustomerCallPlan plan, CancellationToken cancellationToken)
    {
        string number;
        lock (_randomGate)
        {
            number = _options.CallerNumbers(_random, Interlocked.Increment(ref _callCounter) - 1);
        }
        Interlocked.Increment(ref _callsInProgress);
        var customer = new SimulatedCustomer(_options.Server, Clock, number, _logger);
        try
        {
            var waiting = new WaitingCustomer(customer, Stopwatch.GetTimestamp());
            lock (_waitingGate)
            {
                if (!_waiting.TryGetValue(number, out var list))
                {
                    _waiting[number] = list = [];
                }
                list.Add(waiting);
            }
            Statistics.CountOffered();
            CustomerCallResult result;
            try
            {
                result = await customer.CallAsync(plan, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lock (_waitingGate)
                {
                    if (_waiting.TryGetValue(number, out var list) && list.Remove(waiting) && list.Count == 0)
                    {
                        _waiting.Remove(number);
                    }
                }
            }
            Statistics.Count(result);
            CallCompleted?.Invoke(result);
            return result;
        }
        finally
        {
            await customer.DisposeAsync().ConfigureAwait(false);
            Interlocked.Decrement(ref _callsInProgress);
        }
    }

    private void OnAgentInvite(SimulatedCall call)
    {
        WaitingCustomer? match = null;
        var first = false;
        lock (_waitingGate)
        {
            if (_waiting.TryGetValue(call.RemoteNumber, out var list) && list.Count > 0)
            {
                // The oldest customer with this number not offered yet; else the oldest (offered again after a ring time-out).
                match = list.FirstOrDefault(w => !w.Offered) ?? list[0];
                first = !match.Offered;
                match.Offered = true;
            }
        }
        if (match is null)
        {
            Statistics.CountUnmatched();
            return;
        }
        var sent = match.Customer.Call?.InviteTimestamp ?? match.Placed;
        Statistics.CountAgentOffer(first ? Stopwatch.GetElapsedTime(sent, call.InviteTimestamp) : null);
        _byAgentCall[call.CallId] = match;
        _ = call.Ended.ContinueWith(_ => _byAgentCall.TryRemove(call.CallId, out var _), TaskScheduler.Default);
    }

    private void OnAgentAnswered(SimulatedCall call)
    {
        if (call.IsIncoming && _byAgentCall.TryGetValue(call.CallId, out var waiting))
        {
            waiting.Customer.AgentAnsweredHint();
        }
    }

    private sealed class WaitingCustomer(SimulatedCustomer customer, long placed)
    {
        public SimulatedCustomer Customer { get; } = customer;

        public long Placed { get; } = placed;

        public bool Offered { get; set; }
    }

    [LoggerMessage(EventId = 4808, Level = LogLevel.Information, Message = "Traffic simulator: {Registered} of {Agents} agent phones registered")]
    private static partial void LogAgentsStarted(ILogger logger, int registered, int agents);
}
