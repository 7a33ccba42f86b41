using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;

using CallCenter.Telephony.Sip.Security;

using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Sip.Auth;

/// <summary>
/// Stateless nonces (RFC 2617 §3.2.1 suggests time-stamp ":" H(time-stamp ":" private-key)): eight bytes
/// of issue time, eight random bytes and an HMAC-SHA256 over both with a per-process secret, base64url.
/// Only nonces that authenticated a request are remembered, with their highest nonce-count, so that a
/// replayed nc is refused (RFC 2617 §3.2.2: "the server ... can detect request replays by watching for
/// the same nc-value") while unauthenticated traffic costs no memory.
/// </summary>
public sealed class NonceService
{
    private const int TimeLength = 8;
    private const int RandomLength = 8;
    private const int MacLength = 16;
    private const int RawLength = TimeLength + RandomLength + MacLength;

    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<SipSecurityOptions> _options;
    private readonly ConcurrentDictionary<string, NonceUse> _used = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    public NonceService(TimeProvider time, IOptionsMonitor<SipSecurityOptions> options)
    {
        _time = time;
        _options = options;
        Opaque = Base64Url(RandomNumberGenerator.GetBytes(12));
    }

    /// <summary>The opaque value of this process's challenges (RFC 2617 §3.2.1), returned unchanged by clients.</summary>
    public string Opaque { get; }

    private TimeSpan Lifetime => TimeSpan.FromSeconds(_options.CurrentValue.NonceLifetimeSeconds);

    /// <summary>A new nonce for a challenge.</summary>
    public string Create()
    {
        Span<byte> raw = stackalloc byte[RawLength];
        BinaryPrimitives.WriteInt64BigEndian(raw, _time.GetUtcNow().UtcTicks);
        RandomNumberGenerator.Fill(raw.Slice(TimeLength, RandomLength));
        Sign(raw[..(TimeLength + RandomLength)], raw[(TimeLength + RandomLength)..]);
        return Base64Url(raw);
    }

    /// <summary>Whether <paramref name="nonce"/> is ours and still fresh.</summary>
    public NonceCheck Check(string? nonce)
    {
        Span<byte> raw = stackalloc byte[RawLength + 3];
        if (nonce is null || nonce.Length > 64 || !TryDecode(nonce, raw, out var length) || length != RawLength)
        {
            return NonceCheck.Invalid;
        }
        Span<byte> mac = stackalloc byte[MacLength];
        Sign(raw[..(TimeLength + RandomLength)], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, raw.Slice(TimeLength + RandomLength, MacLength)))
        {
            return NonceCheck.Invalid;
        }
        var issued = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(raw), TimeSpan.Zero);
        var age = _time.GetUtcNow() - issued;
        // A nonce from the future is forged or from a clock that went back: not ours to trust.
        if (age < TimeSpan.FromSeconds(-5))
        {
            return NonceCheck.Invalid;
        }
        return age > Lifetime ? NonceCheck.Stale : NonceCheck.Valid;
    }

    /// <summary>
    /// Records the nonce-count of a request the nonce authenticated; false when it is not above every
    /// count seen before with this nonce (a replay), or not 8 hex digits. Call only after the digest
    /// itself was verified, so only authenticated clients take memory here.
    /// </summary>
    public bool TryUseNonceCount(string nonce, string? nonceCount)
    {
        if (nonceCount is null || nonceCount.Length != 8
            || !uint.TryParse(nonceCount, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var count)
            || count == 0)
        {
            return false;
        }
        SweepIfDue();
        var use = _used.GetOrAdd(nonce, static (_, now) => new NonceUse(now), _time.GetUtcNow());
        lock (use)
        {
            if (count <= use.HighestCount)
            {
                return false;
            }
            use.HighestCount = count;
            return true;
        }
    }

    /// <summary>Nonces with a recorded nonce-count (for tests and diagnostics).</summary>
    internal int TrackedNonceCount => _used.Count;

    private void SweepIfDue()
    {
        var now = _time.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + Lifetime).UtcTicks, due) != due)
        {
            return;
        }
        // A nonce older than twice its lifetime is answered stale before its count is looked at.
        var horizon = now - Lifetime - Lifetime;
        foreach (var (key, use) in _used)
        {
            if (use.FirstUsed < horizon)
            {
                _used.TryRemove(key, out _);
            }
        }
    }

    private void Sign(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_secret, data, full);
        full[..MacLength].CopyTo(destination);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, Span<byte> destination, out int written)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        return Convert.TryFromBase64String(padded, destination, out written);
    }

    private sealed class NonceUse(DateTimeOffset firstUsed)
    {
        public DateTimeOffset FirstUsed { get; } = firstUsed;
        public uint HighestCount { get; set; }
    }
}
