using System.Collections.Concurrent;

namespace CallCenter.Telephony.Trunks;

/// <summary>The in-memory registration status of every registering trunk, set by <see cref="TrunkRegistrationService"/>.</summary>
public sealed class TrunkStatusService
{
    private readonly ConcurrentDictionary<Guid, TrunkRegistrationStatus> _statuses = new();

    /// <summary>Raised after a trunk's status changed (on the registration loop's thread; keep it short).</summary>
    public event Action<TrunkRegistrationStatus>? Changed;

    /// <summary>Every registering trunk's status.</summary>
    public IReadOnlyCollection<TrunkRegistrationStatus> All => _statuses.Values.ToArray();

    /// <summary>The status of one trunk, or null when it does not register.</summary>
    public TrunkRegistrationStatus? Get(Guid trunkId) => _statuses.GetValueOrDefault(trunkId);

    /// <summary>Records a trunk's new status.</summary>
    public void Set(TrunkRegistrationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _statuses[status.TrunkId] = status;
        Changed?.Invoke(status);
    }
}
