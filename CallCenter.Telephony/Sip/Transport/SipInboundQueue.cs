using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;

using CallCenter.Telephony.Hosting;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Sip.Transport;

/// <summary>
/// The one bounded queue between the SIP listeners and the processing side. In front of the channel
/// it counts what each source (address and port) and each address has waiting, and drops a message
/// whose source holds <see cref="SipOptions.InboundQueuePerSourceLimit"/> or whose address holds
/// <see cref="SipOptions.InboundQueuePerAddressLimit"/> already: a flooding peer fills its own share,
/// never the whole queue. Drops are counted and logged at most once per interval.
/// </summary>
public sealed partial class SipInboundQueue
{
    private static readonly TimeSpan DropLogInterval = TimeSpan.FromSeconds(10);

    private readonly Channel<SipInboundPacket> _channel;
    private readonly ConcurrentDictionary<IPEndPoint, int> _perSource = new();
    private readonly ConcurrentDictionary<IPAddress, int> _perAddress = new();
    private readonly int _perSourceLimit;
    private readonly int _perAddressLimit;
    private readonly ILogger<SipInboundQueue> _logger;
    private readonly TimeProvider _time;
    private long _dropped;
    private long _droppedAtLastLog;
    private long _lastLogTimestamp;

    /// <summary>Creates the queue with the configured capacities.</summary>
    public SipInboundQueue(IOptions<SipOptions> options, ILogger<SipInboundQueue> logger, TimeProvider? time = null)
    {
        var value = options.Value;
        _perSourceLimit = value.InboundQueuePerSourceLimit;
        _perAddressLimit = value.InboundQueuePerAddressLimit;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _lastLogTimestamp = _time.GetTimestamp() - (long)(DropLogInterval.TotalSeconds * _time.TimestampFrequency);
        _channel = Channel.CreateBounded<SipInboundPacket>(new BoundedChannelOptions(value.InboundQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    /// <summary>Messages dropped because the queue or the source's share of it was full.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Messages waiting.</summary>
    public int Count => _channel.Reader.Count;

    internal ChannelReader<SipInboundPacket> Reader => _channel.Reader;

    /// <summary>
    /// Queues a packet or, when the queue or its source's share is full, returns its buffer to the pool
    /// and counts the drop. Never waits: a listener must keep reading its socket.
    /// </summary>
    internal bool TryEnqueue(SipInboundPacket packet)
    {
        var source = packet.Source.EndPoint;
        var held = Acquire(_perSource, source);
        var heldByAddress = Acquire(_perAddress, source.Address);
        if (held > _perSourceLimit || heldByAddress > _perAddressLimit || !_channel.Writer.TryWrite(packet))
        {
            Release(source);
            if (packet.Buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(packet.Buffer);
            }
            OnDropped(packet.Source);
            return false;
        }
        return true;
    }

    /// <summary>Called by the reader once per packet taken off the queue.</summary>
    internal void OnDequeued(SipInboundPacket packet) => Release(packet.Source.EndPoint);

    private static int Acquire<TKey>(ConcurrentDictionary<TKey, int> counts, TKey key)
        where TKey : notnull => counts.AddOrUpdate(key, 1, static (_, n) => n + 1);

    private static void Release<TKey>(ConcurrentDictionary<TKey, int> counts, TKey key)
        where TKey : notnull
    {
        var left = counts.AddOrUpdate(key, 0, static (_, n) => n - 1);
        if (left <= 0)
        {
            // Forget idle sources so spoofed addresses cannot grow the table; removes only if still zero.
            counts.TryRemove(KeyValuePair.Create(key, 0));
        }
    }

    private void Release(IPEndPoint source)
    {
        Release(_perSource, source);
        Release(_perAddress, source.Address);
    }

    private void OnDropped(SipEndPoint source)
    {
        var dropped = Interlocked.Increment(ref _dropped);
        var last = Interlocked.Read(ref _lastLogTimestamp);
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(last, now) < DropLogInterval || Interlocked.CompareExchange(ref _lastLogTimestamp, now, last) != last)
        {
            return;
        }
        var since = dropped - Interlocked.Exchange(ref _droppedAtLastLog, dropped);
        LogDropped(since, dropped, source);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP inbound queue full: dropped {Dropped} messages since the last report ({Total} in all), the last from {Source}")]
    private partial void LogDropped(long dropped, long total, SipEndPoint source);
}
