using System.Collections.Concurrent;

using CallCenter.Telephony.Events;
using CallCenter.Telephony.Sip.Transport;

using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Sip.Registrar;

/// <summary>
/// The location service of RFC 3261 §10: the bindings of each extension, kept in memory (phones
/// re-register after a restart), changed atomically per extension, expired by time. Every change is
/// published on <see cref="Changes"/>.
/// </summary>
public sealed class LocationService : IDisposable
{
    private readonly ConcurrentDictionary<string, List<SipBinding>> _aors = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<RegistrarOptions> _options;
    private readonly ITimer _sweeper;

    public LocationService(TimeProvider time, IOptionsMonitor<RegistrarOptions> options)
    {
        _time = time;
        _options = options;
        _sweeper = time.CreateTimer(_ => RemoveExpired(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Registration changes: added, refreshed, removed, expired.</summary>
    public EventStream<RegistrationChanged> Changes { get; } = new();

    /// <summary>The unexpired bindings of <paramref name="extension"/>, oldest first.</summary>
    public IReadOnlyList<SipBinding> GetBindings(string extension)
    {
        if (!_aors.TryGetValue(extension, out var bindings))
        {
            return [];
        }
        var now = _time.GetUtcNow();
        lock (bindings)
        {
            return bindings.Where(b => b.ExpiresAt > now).ToArray();
        }
    }

    /// <summary>
    /// True when an unexpired binding was registered from <paramref name="source"/> (same transport, address and
    /// port): requests from there come from that phone. Scans every binding: meant for the rare cases that need it.
    /// </summary>
    public bool IsRegisteredSource(SipEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var now = _time.GetUtcNow();
        foreach (var bindings in _aors.Values)
        {
            lock (bindings)
            {
                if (bindings.Exists(b => b.ExpiresAt > now && b.Source == source))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Extensions with at least one unexpired binding.</summary>
    public IReadOnlyList<string> RegisteredExtensions()
    {
        var now = _time.GetUtcNow();
        var result = new List<string>();
        foreach (var (extension, bindings) in _aors)
        {
            lock (bindings)
            {
                if (bindings.Exists(b => b.ExpiresAt > now))
                {
                    result.Add(extension);
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Applies a REGISTER (RFC 3261 §10.3 steps 6-7) all or nothing, then publishes the changes.
    /// <paramref name="bindings"/> is the extension's bindings afterwards, for the 200 OK.
    /// </summary>
    public RegistrationOutcome Apply(RegistrationRequest request, out IReadOnlyList<SipBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        var changes = new List<RegistrationChanged>();
        RegistrationOutcome outcome;
        while (true)
        {
            var list = _aors.GetOrAdd(request.Extension, static _ => []);
            lock (list)
            {
                // A list emptied and dropped by the sweeper under our feet: take the new one.
                if (!_aors.TryGetValue(request.Extension, out var current) || !ReferenceEquals(current, list))
                {
                    continue;
                }
                list.RemoveAll(b => b.ExpiresAt <= now);
                outcome = BindingUpdate.Apply(list, request, now, _options.CurrentValue.MaxContactsPerAor, changes);
                bindings = list.ToArray();
                break;
            }
        }
        foreach (var change in changes)
        {
            Changes.Publish(change);
        }
        return outcome;
    }

    /// <summary>Drops bindings whose time is up and publishes them as expired (the sweeper calls this every second).</summary>
    public void RemoveExpired()
    {
        var now = _time.GetUtcNow();
        var expired = new List<RegistrationChanged>();
        foreach (var (extension, list) in _aors)
        {
            lock (list)
            {
                foreach (var binding in list)
                {
                    if (binding.ExpiresAt <= now)
                    {
                        expired.Add(new RegistrationChanged(extension, binding, RegistrationChangeKind.Expired));
                    }
                }
                list.RemoveAll(b => b.ExpiresAt <= now);
                if (list.Count == 0)
                {
                    _aors.TryRemove(new KeyValuePair<string, List<SipBinding>>(extension, list));
                }
            }
        }
        foreach (var change in expired)
        {
            Changes.Publish(change);
        }
    }

    public void Dispose() => _sweeper.Dispose();
}
