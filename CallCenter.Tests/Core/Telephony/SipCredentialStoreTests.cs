using CallCenter.Core.Domain;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Sip.Auth;
using CallCenter.Tests.Support;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Core.Telephony;

public sealed class SipCredentialStoreTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly SipCredentialStore _store;

    public SipCredentialStoreTests()
    {
        _store = new SipCredentialStore(_database, _time, NullLogger<SipCredentialStore>.Instance);
        AddAgent("1001", "sip1001demo", isActive: true);
        AddAgent("1009", "sip1009demo", isActive: false);
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ActiveAgentsCredentialsAreTheStoredHa1Values()
    {
        var credentials = await _store.FindAsync("1001", "callcenter", CancellationToken.None);

        Assert.NotNull(credentials);
        Assert.Equal(DigestHash.Ha1(DigestAlgorithm.Md5, "1001", "callcenter", "sip1001demo"), credentials.Ha1(DigestAlgorithm.Md5));
        Assert.Equal(DigestHash.Ha1(DigestAlgorithm.Sha256, "1001", "callcenter", "sip1001demo"), credentials.Ha1(DigestAlgorithm.Sha256));
    }

    [Fact]
    public async Task InactiveUnknownAndOtherRealmAreNull()
    {
        Assert.Null(await _store.FindAsync("1009", "callcenter", CancellationToken.None));
        Assert.Null(await _store.FindAsync("9999", "callcenter", CancellationToken.None));
        Assert.Null(await _store.FindAsync("1001", "elsewhere", CancellationToken.None));
    }

    [Fact]
    public async Task ChangesAreSeenAfterTheTtlWithoutAQueryPerLookup()
    {
        Assert.Null(await _store.FindAsync("1002", "callcenter", CancellationToken.None));
        AddAgent("1002", "sip1002demo", isActive: true);

        // Within the TTL the snapshot answers (no query per REGISTER).
        Assert.Null(await _store.FindAsync("1002", "callcenter", CancellationToken.None));

        _time.Advance(SipCredentialStore.Ttl + TimeSpan.FromSeconds(1));
        await _store.FindAsync("1002", "callcenter", CancellationToken.None); // starts the reload, answers from the old snapshot
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (await _store.FindAsync("1002", "callcenter", CancellationToken.None) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        Assert.NotNull(await _store.FindAsync("1002", "callcenter", CancellationToken.None));
    }

    [Fact]
    public async Task InvalidateReloadsAtOnce()
    {
        Assert.NotNull(await _store.FindAsync("1001", "callcenter", CancellationToken.None));
        using (var db = _database.CreateDbContext())
        {
            db.Agents.Single(a => a.Extension == "1001").IsActive = false;
            db.SaveChanges();
        }

        _store.Invalidate();

        Assert.Null(await _store.FindAsync("1001", "callcenter", CancellationToken.None));
    }

    private void AddAgent(string extension, string password, bool isActive)
    {
        using var db = _database.CreateDbContext();
        db.Agents.Add(new Agent
        {
            WorkNumber = "W" + extension,
            Name = "Agent " + extension,
            Extension = extension,
            SipRealm = "callcenter",
            SipHa1Md5 = DigestHash.Ha1(DigestAlgorithm.Md5, extension, "callcenter", password),
            SipHa1Sha256 = DigestHash.Ha1(DigestAlgorithm.Sha256, extension, "callcenter", password),
            IsActive = isActive,
        });
        db.SaveChanges();
    }
}
