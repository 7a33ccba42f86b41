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
/// it counts what each source address has waiting and drops a source's messages once it holds
/// <see cref="SipOptions.InboundQueuePerSourceLimit"/> of them, so one flooding address fills its
/// own share, never the whole queue. Drops are counted and logged at most once per interval.
/// </summary>
public sealed partial class SipInboundQueue
{
    private static readonly TimeSpan DropLogInterval = TimeSpan.FromSeconds(10);

    private readonly Channel<SipInboundPacket> _channel;
    private readonly ConcurrentDictionary<IPAddress, int> _perSource = new();
    private readonly int _perSourceLimit;
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
        var address = packet.Source.EndPoint.Address;
        var held = _perSource.AddOrUpdate(address, 1, static (_, n) => n + 1);
        if (held > _perSourceLimit || !_channel.Writer.TryWrite(packet))
        {
            Release(address);
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
    internal void OnDequeued(SipInboundPacket packet) => Release(packet.Source.EndPoint.Address);

    internal void Complete() => _channel.Writer.TryComplete();

    private void Release(IPAddress address)
    {
        var left = _perSource.AddOrUpdate(address, 0, static (_, n) => n - 1);
        if (left <= 0)
        {
            // Forget idle sources so spoofed addresses cannot grow the table; removes only if still zero.
            _perSource.TryRemove(KeyValuePair.Create(address, 0));
        }
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
