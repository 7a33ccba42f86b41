using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

using CallCenter.Telephony.Sip.Messages;

using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Simulation;

/// <summary>
/// The SIP side of one simulated phone: a UDP socket on 127.0.0.1 that talks to one server. Client transactions
/// (RFC 3261 §17.1 over UDP: retransmitted from T1 = 500 ms doubling up to T2 = 4 s, 32 s without a final response
/// gives a local 408; the ACK of a non-2xx final response sent by the transaction) and a cache of server transactions
/// (a retransmitted request is answered with the last response sent, not handled twice). New requests go to
/// <see cref="RequestReceived"/>; an ACK for a 2xx goes there too (it is the dialog's, RFC 3261 §13.3.1.4).
/// </summary>
internal sealed partial class SimulatedSipEndpoint : IAsyncDisposable
{
    internal static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);
    internal static readonly TimeSpan T2 = TimeSpan.FromSeconds(4);
    internal static readonly TimeSpan TransactionTimeout = TimeSpan.FromSeconds(32);

    /// <summary>The reason phrase of the 408 a transaction makes up when no final response came.</summary>
    internal const string LocalTimeoutReason = "Local Time-out";

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly ConcurrentDictionary<string, ClientTransaction> _client = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServerTransaction> _server = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private readonly Task _receiving;
    private long _lastSweep = Stopwatch.GetTimestamp();

    public SimulatedSipEndpoint(IPEndPoint server, ILogger logger)
    {
        Server = server;
        _logger = logger;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        ServerUri = SipUri.Create(null, server.Address.ToString(), server.Port);
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    public IPEndPoint Server { get; }

    public SipUri ServerUri { get; }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The host:port other requests name the server by (To/From host, Request-URI host).</summary>
    public string ServerHostPort => Server.Address + ":" + Server.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Called for each new request (and each ACK of a 2xx), off the receive loop.</summary>
    public Func<SipRequest, Task>? RequestReceived { get; set; }

    public static string NewTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static string NewCallId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "@sim";

    public static string NewBranch() => Sip.Messages.SipVia.MagicCookie + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>A request outside a dialog, with a fresh Via branch, Max-Forwards and User-Agent.</summary>
    public SipRequest NewRequest(string method, SipUri requestUri, string from, string to, string callId, uint cseq)
    {
        var request = new SipRequest(method, requestUri);
        request.Headers.Add(SipHeaderNames.Via, ViaValue(NewBranch()));
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, from);
        request.Headers.Add(SipHeaderNames.To, to);
        request.Headers.Add(SipHeaderNames.CallId, callId);
        request.Headers.Add(SipHeaderNames.CSeq, cseq.ToString(CultureInfo.InvariantCulture) + " " + method);
        request.Headers.Add(SipHeaderNames.UserAgent, "CallCenter-Simulator");
        return request;
    }

    /// <summary>Our Contact: <c>&lt;sip:user@127.0.0.1:port&gt;</c>.</summary>
    public string ContactFor(string user) => "<" + SipUri.Create(user, LocalEndPoint.Address.ToString(), LocalEndPoint.Port) + ">";

    public string ViaValue(string branch) =>
        "SIP/2.0/UDP " + LocalEndPoint.Address + ":" + LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture) + ";branch=" + branch + ";rport";

    /// <summary>
    /// Sends a request in a new client transaction and returns its final response (a local 408 after 32 s without
    /// one). <paramref name="provisional"/> sees each 1xx. For an INVITE answered with 300-699 the ACK is sent here.
    /// </summary>
    public async Task<SipResponse> SendRequestAsync(SipRequest request, Action<SipResponse>? provisional, CancellationToken cancellationToken)
    {
        var branch = request.TopVia!.Branch!;
        var key = Key(branch, request.Method);
        var transaction = new ClientTransaction(request, provisional);
        _client[key] = transaction;
        var bytes = request.ToArray();
        var isInvite = request.Method == SipMethods.Invite;
        try
        {
            await SendBytesAsync(bytes, cancellationToken).ConfigureAwait(false);
            var interval = T1;
            var deadline = Stopwatch.GetTimestamp() + (long)(TransactionTimeout.TotalSeconds * Stopwatch.Frequency);
            while (true)
            {
                var delay = Task.Delay(interval, cancellationToken);
                if (await Task.WhenAny(transaction.Final.Task, delay).ConfigureAwait(false) == transaction.Final.Task)
                {
                    break;
                }
                cancellationToken.ThrowIfCancellationRequested();
                if (Stopwatch.GetTimestamp() >= deadline)
                {
                    transaction.TimedOut = transaction.Final.TrySetResult(SipResponse.CreateFor(request, 408, LocalTimeoutReason));
                    break;
                }
                // RFC 3261 §17.1.1.2: an INVITE is no longer retransmitted once a provisional response came;
                // §17.1.2.2: a non-INVITE request is, every T2 after a provisional response.
                if (!(isInvite && transaction.HadProvisional))
                {
                    await SendBytesAsync(bytes, cancellationToken).ConfigureAwait(false);
                }
                interval = transaction.HadProvisional ? T2 : TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, T2.Ticks));
            }
        }
        finally
        {
            transaction.CompletedAt = Stopwatch.GetTimestamp();
        }
        var final = await transaction.Final.Task.ConfigureAwait(false);
        if (isInvite && final.StatusCode >= 300 && !transaction.TimedOut)
        {
            // RFC 3261 §17.1.1.3: the ACK of a non-2xx final response, in the INVITE's transaction.
            transaction.NonSuccessAck = BuildNonSuccessAck(request, final).ToArray();
            await SendBytesAsync(transaction.NonSuccessAck, cancellationToken).ConfigureAwait(false);
        }
        return final;
    }

    /// <summary>Sends the ACK of a 2xx (its own transaction, RFC 3261 §13.2.2.4) and keeps it for retransmitted 2xx.</summary>
    public async Task SendAckAsync(SipRequest invite, SipRequest ack, CancellationToken cancellationToken)
    {
        var bytes = ack.ToArray();
        if (_client.TryGetValue(Key(invite.TopVia!.Branch!, SipMethods.Invite), out var transaction))
        {
            transaction.SuccessAck = bytes;
        }
        await SendBytesAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="response"/> to <paramref name="request"/>, remembered for its retransmissions.</summary>
    public async Task RespondAsync(SipRequest request, SipResponse response, CancellationToken cancellationToken)
    {
        if (request.TopVia?.Branch is { } branch && _server.TryGetValue(Key(branch, request.Method), out var transaction))
        {
            transaction.Last = response.ToArray();
            await SendBytesAsync(transaction.Last, cancellationToken).ConfigureAwait(false);
            return;
        }
        await SendBytesAsync(response.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers <paramref name="request"/> with <paramref name="statusCode"/> (To tag added when given).</summary>
    public Task RespondAsync(SipRequest request, int statusCode, string? toTag, CancellationToken cancellationToken) =>
        RespondAsync(request, SipResponse.CreateFor(request, statusCode, null, toTag), cancellationToken);

    public async Task SendBytesAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            await _socket.SendToAsync(bytes, SocketFlags.None, Server, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            // UDP: an ICMP error from an earlier datagram; the retransmission timers cover the loss.
            LogSendFailed(_logger, LocalEndPoint.Port, ex.SocketErrorCode);
        }
        catch (ObjectDisposedException)
        {
            // Closed: the phone is going away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _receiving.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Closed.
        }
        foreach (var transaction in _client.Values)
        {
            transaction.Final.TrySetCanceled();
        }
        _stop.Dispose();
    }

    private static SipRequest BuildNonSuccessAck(SipRequest invite, SipResponse final)
    {
        var ack = new SipRequest(SipMethods.Ack, invite.RequestUri);
        ack.Headers.Add(SipHeaderNames.Via, invite.Headers.Get(SipHeaderNames.Via)!);
        ack.Headers.Add(SipHeaderNames.MaxForwards, "70");
        ack.Headers.Add(SipHeaderNames.From, invite.Headers.Get(SipHeaderNames.From)!);
        ack.Headers.Add(SipHeaderNames.To, final.Headers.Get(SipHeaderNames.To) ?? invite.Headers.Get(SipHeaderNames.To)!);
        ack.Headers.Add(SipHeaderNames.CallId, invite.CallId!);
        ack.Headers.Add(SipHeaderNames.CSeq, invite.CSeq!.Value.Number.ToString(CultureInfo.InvariantCulture) + " ACK");
        return ack;
    }

    private static string Key(string branch, string method) => branch + " " + method;

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[65536];
        var any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                // An ICMP port unreachable surfaces on the next receive on Linux: keep listening.
                continue;
            }
            if (!SipMessageParser.TryParse(buffer.AsSpan(0, received.ReceivedBytes), out var message, out var error))
            {
                LogUnparsable(_logger, LocalEndPoint.Port, error);
                continue;
            }
            try
            {
                if (message is SipResponse response)
                {
                    await OnResponseAsync(response).ConfigureAwait(false);
                }
                else if (message is SipRequest request)
                {
                    await OnRequestAsync(request).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogHandlerFailed(_logger, ex, LocalEndPoint.Port);
            }
            Sweep();
        }
    }

    private async Task OnResponseAsync(SipResponse response)
    {
        if (response.TopVia?.Branch is not { } branch || response.CSeq is not { } cseq
            || !_client.TryGetValue(Key(branch, cseq.Method), out var transaction))
        {
            return;
        }
        if (response.StatusCode < 200)
        {
            if (!transaction.Final.Task.IsCompleted)
            {
                transaction.HadProvisional = true;
                transaction.Provisional?.Invoke(response);
            }
            return;
        }
        if (transaction.Final.TrySetResult(response))
        {
            return;
        }
        // A retransmitted final response: the ACK again (RFC 3261 §17.1.1.3 for non-2xx, §13.2.2.4 for 2xx).
        var ack = response.StatusCode < 300 ? transaction.SuccessAck : transaction.NonSuccessAck;
        if (ack is not null)
        {
            await SendBytesAsync(ack, _stop.Token).ConfigureAwait(false);
        }
    }

    private async Task OnRequestAsync(SipRequest request)
    {
        var branch = request.TopVia?.Branch ?? request.CallId + request.CSeq;
        if (request.Method == SipMethods.Ack)
        {
            // The ACK of a non-2xx final response we sent ends that INVITE transaction; a 2xx's ACK is the dialog's.
            if (_server.TryGetValue(Key(branch, SipMethods.Invite), out var invite) && invite.LastStatus >= 300)
            {
                return;
            }
            Dispatch(request);
            return;
        }
        var key = Key(branch, request.Method);
        var fresh = new ServerTransaction();
        var existing = _server.GetOrAdd(key, fresh);
        if (!ReferenceEquals(existing, fresh))
        {
            if (existing.Last is { } last)
            {
                await SendBytesAsync(last, _stop.Token).ConfigureAwait(false);
            }
            return;
        }
        Dispatch(request);
    }

    private void Dispatch(SipRequest request)
    {
        if (RequestReceived is not { } handler)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await handler(request).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogHandlerFailed(_logger, ex, LocalEndPoint.Port);
            }
        });
    }

    // Transactions are forgotten 32 s after they completed (RFC 3261 Timer D/J/K at most), checked every few seconds.
    private void Sweep()
    {
        var now = Stopwatch.GetTimestamp();
        if (now - _lastSweep < 5 * Stopwatch.Frequency)
        {
            return;
        }
        _lastSweep = now;
        var limit = (long)(TransactionTimeout.TotalSeconds * Stopwatch.Frequency);
        foreach (var (key, transaction) in _client)
        {
            if (transaction.CompletedAt is { } completed && now - completed > limit)
            {
                _client.TryRemove(key, out _);
            }
        }
        foreach (var (key, transaction) in _server)
        {
            if (now - transaction.CreatedAt > limit)
            {
                _server.TryRemove(key, out _);
            }
        }
    }

    private sealed class ClientTransaction(SipRequest request, Action<SipResponse>? provisional)
    {
        public SipRequest Request { get; } = request;
        public Action<SipResponse>? Provisional { get; } = provisional;
        public TaskCompletionSource<SipResponse> Final { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public volatile bool HadProvisional;
        public bool TimedOut { get; set; }
        public long? CompletedAt { get; set; }
        public byte[]? SuccessAck { get; set; }
        public byte[]? NonSuccessAck { get; set; }
    }

    private sealed class ServerTransaction
    {
        private byte[]? _last;

        public long CreatedAt { get; } = Stopwatch.GetTimestamp();

        public int LastStatus { get; private set; }

        public byte[]? Last
        {
            get => Volatile.Read(ref _last);
            set
            {
                Volatile.Write(ref _last, value);
                // "SIP/2.0 NNN": the status code at bytes 8-10.
                LastStatus = value is { Length: > 11 } ? (value[8] - '0') * 100 + (value[9] - '0') * 10 + (value[10] - '0') : 0;
            }
        }
    }

    [LoggerMessage(EventId = 4801, Level = LogLevel.Debug, Message = "Simulated phone on port {Port}: send failed ({Error})")]
    private static partial void LogSendFailed(ILogger logger, int port, SocketError error);

    [LoggerMessage(EventId = 4802, Level = LogLevel.Warning, Message = "Simulated phone on port {Port}: unparsable message ({Error})")]
    private static partial void LogUnparsable(ILogger logger, int port, SipParseError error);

    [LoggerMessage(EventId = 4803, Level = LogLevel.Warning, Message = "Simulated phone on port {Port}: handling a message failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, int port);
}
