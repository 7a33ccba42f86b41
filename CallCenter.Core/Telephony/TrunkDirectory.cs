using System.Net;
using System.Security.Cryptography;

using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Routing;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Telephony;

/// <summary>
/// The <see cref="ITrunkDirectory"/> port over the Trunks table: every active trunk in one snapshot
/// (<see cref="Ttl"/>, stale-while-reloading, <see cref="Invalidate"/> after an admin change). Passwords
/// are decrypted with ASP.NET Data Protection (purpose <see cref="PasswordPurpose"/>) when the snapshot
/// loads; without a Data Protection provider, or when a value cannot be decrypted, the trunk has no
/// password (logged). Inbound matching knows IP addresses and networks (a.b.c.d/nn) in AllowedSources
/// and the trunk's host when it is an address; host names are not resolved yet.
/// </summary>
public sealed partial class TrunkDirectory : ITrunkDirectory
{
    /// <summary>How long a snapshot is served before it is reloaded.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    /// <summary>The Data Protection purpose trunk passwords are protected with.</summary>
    public const string PasswordPurpose = "CallCenter.Trunk.Password";

    private readonly IDbContextFactory<CallCenterDbContext> _contextFactory;
    private readonly IDataProtector? _protector;
    private readonly ILogger<TrunkDirectory> _logger;
    private readonly CachedSnapshot<IReadOnlyList<Entry>> _snapshot;

    /// <summary>Creates the directory; nothing is loaded until the first call.</summary>
    public TrunkDirectory(
        IDbContextFactory<CallCenterDbContext> contextFactory,
        TimeProvider timeProvider,
        ILogger<TrunkDirectory> logger,
        IDataProtectionProvider? dataProtection = null)
    {
        _contextFactory = contextFactory;
        _protector = dataProtection?.CreateProtector(PasswordPurpose);
        _logger = logger;
        _snapshot = new CachedSnapshot<IReadOnlyList<Entry>>(LoadAsync, timeProvider, Ttl, ex => LogReloadFailed(logger, ex));
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<TrunkConfig>> GetTrunksAsync(CancellationToken cancellationToken)
    {
        var entries = await _snapshot.GetAsync(cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(e => e.Config)];
    }

    /// <inheritdoc />
    public async ValueTask<TrunkConfig?> SelectOutboundAsync(string dialledNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialledNumber);
        TrunkConfig? best = null;
        foreach (var entry in await _snapshot.GetAsync(cancellationToken).ConfigureAwait(false))
        {
            var prefix = entry.Config.OutboundPrefix;
            if (prefix is not null && dialledNumber.Length > prefix.Length
                && dialledNumber.StartsWith(prefix, StringComparison.Ordinal)
                && (best is null || prefix.Length > best.OutboundPrefix!.Length))
            {
                best = entry.Config;
            }
        }
        return best;
    }

    /// <inheritdoc />
    public async ValueTask<TrunkConfig?> MatchInboundAsync(IPAddress source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var address = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
        foreach (var entry in await _snapshot.GetAsync(cancellationToken).ConfigureAwait(false))
        {
            if (entry.Sources.Any(network => network.Contains(address)))
            {
                return entry.Config;
            }
        }
        return null;
    }

    /// <summary>Drops the snapshot: the next lookup reloads (call after changing a trunk).</summary>
    public void Invalidate() => _snapshot.Invalidate();

    private async Task<IReadOnlyList<Entry>> LoadAsync(CancellationToken cancellationToken)
    {
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var trunks = await db.Trunks.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. trunks.Select(ToEntry)];
        }
    }

    private Entry ToEntry(Trunk trunk)
    {
        var allowed = (trunk.AllowedSources ?? "")
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var networks = new List<IPNetwork>();
        foreach (var source in allowed.Append(trunk.Host))
        {
            if (IPNetwork.TryParse(source, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(source, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
        }
        var config = new TrunkConfig(
            trunk.Id,
            trunk.Name,
            trunk.Host,
            trunk.Port,
            string.IsNullOrWhiteSpace(trunk.OutboundProxy) ? null : trunk.OutboundProxy,
            trunk.Register,
            string.IsNullOrEmpty(trunk.Username) ? null : trunk.Username,
            Unprotect(trunk),
            string.IsNullOrEmpty(trunk.CallerId) ? null : trunk.CallerId,
            allowed,
            string.IsNullOrEmpty(trunk.OutboundPrefix) ? null : trunk.OutboundPrefix);
        return new Entry(config, networks);
    }

    private string? Unprotect(Trunk trunk)
    {
        if (string.IsNullOrEmpty(trunk.PasswordProtected))
        {
            return null;
        }
        if (_protector is null)
        {
            LogNoDataProtection(_logger, trunk.Name);
            return null;
        }
        try
        {
            return _protector.Unprotect(trunk.PasswordProtected);
        }
        catch (CryptographicException ex)
        {
            LogUnprotectFailed(_logger, trunk.Name, ex);
            return null;
        }
    }

    [LoggerMessage(EventId = 3221, Level = LogLevel.Error, Message = "Reloading the trunks failed; the previous snapshot stays in use")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3222, Level = LogLevel.Warning, Message = "Trunk {Trunk} has a password but no Data Protection provider is registered; it is used without one")]
    private static partial void LogNoDataProtection(ILogger logger, string trunk);

    [LoggerMessage(EventId = 3223, Level = LogLevel.Error, Message = "The password of trunk {Trunk} cannot be decrypted (keys changed?); it is used without one")]
    private static partial void LogUnprotectFailed(ILogger logger, string trunk, Exception exception);

    private sealed record Entry(TrunkConfig Config, IReadOnlyList<IPNetwork> Sources);
}
