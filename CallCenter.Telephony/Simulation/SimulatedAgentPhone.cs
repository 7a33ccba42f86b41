using System.Globalization;
using System.Net;

using CallCenter.Telephony.Sip.Auth;
using CallCenter.Telephony.Sip.Messages;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Telephony.Simulation;

/// <summary>
/// A simulated agent's phone over real SIP and RTP: its own UDP socket on 127.0.0.1, registration with digest (401
/// answered, refreshed at half the granted lifetime, Expires: 0 on dispose), feature codes (*61, *62, *63: an INVITE
/// answered with digest; a 2xx is ACKed and the server's BYE awaited, else our BYE), incoming calls taken as
/// <see cref="SimulatedAgentPhoneOptions.AnswerPolicy"/> says, and calls of its own.
/// </summary>
public sealed partial class SimulatedAgentPhone : IAsyncDisposable
{
    private static readonly TimeSpan s_featureCodeByeWait = TimeSpan.FromSeconds(5);
    private readonly SimulatedAgentPhoneOptions _options;
    private readonly SimulatedUserAgent _agent;
    private readonly ILogger _logger;
    private readonly string _registerCallId = SimulatedSipEndpoint.NewCallId();
    private readonly string _registerTag = SimulatedSipEndpoint.NewTag();
    private readonly SemaphoreSlim _registerGate = new(1, 1);
    private readonly Lock _historyGate = new();
    private readonly Queue<SimulatedCall> _history = new();
    private uint _registerCSeq;
    private CancellationTokenSource? _refresh;
    private SimulatedCall? _current;

    /// <summary>A phone for <paramref name="options"/>'s extension, talking to the SIP server at <paramref name="server"/>.</summary>
    public SimulatedAgentPhone(IPEndPoint server, SimulatedMediaClock clock, SimulatedAgentPhoneOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _agent = new SimulatedUserAgent(server, clock, options.Extension, options.Extension, options.Password, options.ToneFrequencyHz, _logger)
        {
            IncomingCallPolicy = Decide,
            CallOffered = call =>
            {
                Remember(call);
                IncomingCall?.Invoke(call);
            },
            CallAnswered = call => CallAnswered?.Invoke(call),
        };
    }

    /// <summary>The extension.</summary>
    public string Extension => _options.Extension;

    /// <summary>The phone's SIP socket (127.0.0.1 and an ephemeral port): the registered Contact.</summary>
    public IPEndPoint LocalEndPoint => _agent.Endpoint.LocalEndPoint;

    /// <summary>True after a successful REGISTER, until the un-REGISTER or a failed refresh.</summary>
    public bool IsRegistered { get; private set; }

    /// <summary>The lifetime the registrar granted last, in seconds.</summary>
    public int GrantedExpiresSeconds { get; private set; }

    /// <summary>Raised when an INVITE arrives, before any response (the phone's timestamp is taken first).</summary>
    public event Action<SimulatedCall>? IncomingCall;

    /// <summary>Raised when a call is answered (our 200 sent, or a 2xx to our INVITE).</summary>
    public event Action<SimulatedCall>? CallAnswered;

    /// <summary>The call in progress, if any.</summary>
    public SimulatedCall? CurrentCall => Volatile.Read(ref _current) is { State: not SimulatedCallState.Ended } call ? call : null;

    /// <summary>The last 100 calls, oldest first.</summary>
    public IReadOnlyList<SimulatedCall> RecentCalls
    {
        get
        {
            lock (_historyGate)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>
    /// REGISTERs (answering the 401) and keeps the binding refreshed at half the granted lifetime; a 423 is retried with
    /// the server's Min-Expires. Returns the final status (200 when registered).
    /// </summary>
    public async Task<int> RegisterAsync(CancellationToken cancellationToken = default)
    {
        var status = await SendRegisterAsync(_options.RegisterExpiresSeconds, cancellationToken).ConfigureAwait(false);
        if (status is >= 200 and < 300)
        {
            ScheduleRefresh();
        }
        return status;
    }

    /// <summary>Removes the binding (Expires: 0) and stops refreshing; returns the final status.</summary>
    public async Task<int> UnregisterAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _refresh, null) is { } refresh)
        {
            await refresh.CancelAsync().ConfigureAwait(false);
            refresh.Dispose();
        }
        var status = await SendRegisterAsync(0, cancellationToken).ConfigureAwait(false);
        IsRegistered = false;
        return status;
    }

    /// <summary>
    /// Dials a feature code (<c>*61</c> log in and Ready, <c>*62</c> NotReady, <c>*63</c> log out) and returns the
    /// final status. After a 2xx the server is given 5 s to send its BYE; otherwise the phone hangs up itself.
    /// </summary>
    public async Task<int> DialFeatureCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var call = _agent.Dial(code);
        var status = await call.FinalResponse.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (status is >= 200 and < 300)
        {
            if (await Task.WhenAny(call.Ended, Task.Delay(s_featureCodeByeWait, cancellationToken)).ConfigureAwait(false) != call.Ended)
            {
                await call.HangUpAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        LogFeatureCode(_logger, Extension, code, status);
        return status;
    }

    /// <summary>Calls <paramref name="number"/> (credentials answered); the call runs on, see <see cref="SimulatedCall"/>.</summary>
    public SimulatedCall Dial(string number)
    {
        ArgumentException.ThrowIfNullOrEmpty(number);
        var call = _agent.Dial(number);
        Remember(call);
        return call;
    }

    /// <summary>Hangs up what is up, un-registers (bounded to 2 s) and closes the sockets.</summary>
    public async ValueTask DisposeAsync()
    {
        if (IsRegistered)
        {
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await UnregisterAsync(bounded.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The registrar did not answer in time: the binding expires on its own.
            }
        }
        if (Interlocked.Exchange(ref _refresh, null) is { } refresh)
        {
            await refresh.CancelAsync().ConfigureAwait(false);
            refresh.Dispose();
        }
        await _agent.DisposeAsync().ConfigureAwait(false);
        _registerGate.Dispose();
    }

    private IncomingCallPlan? Decide(SimulatedCall call)
    {
        // Two INVITEs at once: one takes the phone, the other is refused busy.
        lock (_historyGate)
        {
            if (CurrentCall is { } busy && !ReferenceEquals(busy, call))
            {
                return null;
            }
            Volatile.Write(ref _current, call);
        }
        return _options.AnswerPolicy is { } policy ? policy(call) : new IncomingCallPlan(TimeSpan.FromSeconds(1), null);
    }

    private void Remember(SimulatedCall call)
    {
        if (!call.IsIncoming)
        {
            Volatile.Write(ref _current, call);
        }
        lock (_historyGate)
        {
            _history.Enqueue(call);
            while (_history.Count > 100)
            {
                _history.Dequeue();
            }
        }
    }

    private async Task<int> SendRegisterAsync(int expires, CancellationToken cancellationToken)
    {
        await _registerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var endpoint = _agent.Endpoint;
            var registrar = endpoint.ServerUri;
            SipResponse? challenge = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var request = NewRegister(expires);
                if (challenge is not null
                    && DigestClient.Answer(challenge, SipMethods.Register, registrar.ToString(), Extension, _options.Password) is { } credentials)
                {
                    request.Headers.Add(credentials.Name, credentials.Value);
                }
                var response = await endpoint.SendRequestAsync(request, null, cancellationToken).ConfigureAwait(false);
                switch (response.StatusCode)
                {
                    case 401 or 407 when challenge is null || attempt < 2 && IsStale(response):
                        challenge = response;
                        continue;
                    case 423 when response.Headers.Get(SipHeaderNames.MinExpires) is { } min
                        && int.TryParse(min, NumberStyles.None, CultureInfo.InvariantCulture, out var minimum) && minimum > expires:
                        // RFC 3261 §10.2.8: ask again with at least Min-Expires.
                        expires = minimum;
                        continue;
                    case >= 200 and < 300:
                        IsRegistered = expires > 0;
                        GrantedExpiresSeconds = Granted(response, expires);
                        return response.StatusCode;
                    default:
                        IsRegistered = false;
                        LogRegisterFailed(_logger, Extension, response.StatusCode);
                        return response.StatusCode;
                }
            }
            IsRegistered = false;
            return 401;
        }
        finally
        {
            _registerGate.Release();
        }
    }

    private static bool IsStale(SipResponse response) =>
        response.Headers.GetAll(response.StatusCode == 401 ? SipHeaderNames.WwwAuthenticate : SipHeaderNames.ProxyAuthenticate)
            .Any(v => DigestChallenge.TryParse(v, out var c) && c.Stale);

    private SipRequest NewRegister(int expires)
    {
        var endpoint = _agent.Endpoint;
        var aor = "<" + SipUri.Create(Extension, endpoint.Server.Address.ToString(), endpoint.Server.Port) + ">";
        // RFC 3261 §10.2: one Call-ID for all of a UA's registrations, CSeq growing.
        var request = endpoint.NewRequest(SipMethods.Register, endpoint.ServerUri, aor + ";tag=" + _registerTag, aor, _registerCallId,
            Interlocked.Increment(ref _registerCSeq));
        request.Headers.Add(SipHeaderNames.Contact, endpoint.ContactFor(Extension));
        request.Headers.Add(SipHeaderNames.Expires, expires.ToString(CultureInfo.InvariantCulture));
        return request;
    }

    // The Contact's expires for our binding, else Expires, else what we asked (RFC 3261 §10.2.4).
    private int Granted(SipResponse response, int asked)
    {
        var ours = _agent.Endpoint.LocalEndPoint.Port;
        foreach (var contact in response.Contacts)
        {
            if (contact.Uri?.Port == ours && contact.Expires is { } expires)
            {
                return (int)Math.Min(expires, int.MaxValue);
            }
        }
        return response.Expires is { } header ? (int)Math.Min(header, int.MaxValue) : asked;
    }

    private void ScheduleRefresh()
    {
        if (_refresh is not null)
        {
            return;
        }
        var refresh = new CancellationTokenSource();
        if (Interlocked.CompareExchange(ref _refresh, refresh, null) is not null)
        {
            refresh.Dispose();
            return;
        }
        var token = refresh.Token;
        _ = Task.Run(async () =>
        {
            while (!token.IsCancellationRequested)
            {
                try
                {
                    // Half the granted lifetime, at least 1 s: well before the binding expires (RFC 3261 §10.2.4).
                    await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, GrantedExpiresSeconds / 2.0)), token).ConfigureAwait(false);
                    await SendRegisterAsync(_options.RegisterExpiresSeconds, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);
    }

    [LoggerMessage(EventId = 4806, Level = LogLevel.Warning, Message = "Simulated phone {Extension}: REGISTER answered {Status}")]
    private static partial void LogRegisterFailed(ILogger logger, string extension, int status);

    [LoggerMessage(EventId = 4807, Level = LogLevel.Debug, Message = "Simulated phone {Extension}: {Code} answered {Status}")]
    private static partial void LogFeatureCode(ILogger logger, string extension, string code, int status);
}
