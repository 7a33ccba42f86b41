using CallCenter.Telephony.Hosting;

using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Media;

/// <summary>
/// Hands out RTP/RTCP port pairs from PortMin..PortMax: even RTP ports, RTCP one above (RFC 3550 §11).
/// Round-robin, so a released pair is reused only after the others (late packets of the last call do not
/// land in the next one) and always once it is the only free one. Thread-safe.
/// </summary>
public sealed class RtpPortAllocator
{
    private readonly object _gate = new();
    private readonly bool[] _inUse;
    private readonly int _first;
    private int _next;
    private int _count;

    /// <summary>Creates an allocator over the configured range.</summary>
    public RtpPortAllocator(IOptions<RtpOptions> options)
        : this(options.Value.PortMin, options.Value.PortMax)
    {
    }

    /// <summary>Creates an allocator over a range; pairs must fit whole (RTP even, RTP + 1 ≤ <paramref name="portMax"/>).</summary>
    public RtpPortAllocator(int portMin, int portMax)
    {
        _first = portMin % 2 == 0 ? portMin : portMin + 1;
        int pairs = _first + 1 > portMax ? 0 : ((portMax - _first - 1) / 2) + 1;
        if (pairs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(portMax), "The RTP port range holds no even/odd pair.");
        }
        _inUse = new bool[pairs];
    }

    /// <summary>The number of pairs in the range.</summary>
    public int Capacity => _inUse.Length;

    /// <summary>The number of pairs handed out and not released.</summary>
    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Takes the next free pair; false when all are in use.</summary>
    public bool TryAllocate(out RtpPortPair pair)
    {
        lock (_gate)
        {
            for (int i = 0; i < _inUse.Length; i++)
            {
                int index = (_next + i) % _inUse.Length;
                if (!_inUse[index])
                {
                    _inUse[index] = true;
                    _count++;
                    _next = (index + 1) % _inUse.Length;
                    pair = new RtpPortPair(_first + (2 * index));
                    return true;
                }
            }
        }
        pair = default;
        return false;
    }

    /// <summary>Takes the next free pair.</summary>
    /// <exception cref="RtpPortsExhaustedException">All pairs are in use.</exception>
    public RtpPortPair Allocate() =>
        TryAllocate(out RtpPortPair pair) ? pair : throw new RtpPortsExhaustedException();

    /// <summary>Gives a pair back; releasing a pair that is not in use does nothing.</summary>
    public void Release(RtpPortPair pair)
    {
        int index = (pair.RtpPort - _first) / 2;
        if (pair.RtpPort < _first || pair.RtpPort % 2 != 0 || index >= _inUse.Length)
        {
            return;
        }
        lock (_gate)
        {
            if (_inUse[index])
            {
                _inUse[index] = false;
                _count--;
            }
        }
    }
}
