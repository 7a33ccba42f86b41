using System.Diagnostics;
using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Demo;

/// <summary>
/// Seeds the demo organisation of docs/CONTRACT.md. Idempotent by parts: users, organisation,
/// customers, notices and history are each written at once (one transaction) and skipped when
/// their marker exists, so a second start, or enabling the demo on a database that already has
/// it, changes nothing, and an item an admin deleted is not brought back. Deterministic: each
/// part draws from its own fixed-seed Random, so the same seeding day gives the same data.
/// Run after <see cref="Services.Accounts.AdminBootstrapper"/>, which creates the roles.
/// </summary>
public sealed partial class DemoSeeder(
    UserManager<AppUser> users,
    CallCenterDbContext identityDb,
    IDbContextFactory<CallCenterDbContext> contexts,
    IOptions<SipOptions> sipOptions,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var zone = time.LocalTimeZone;
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        var seeded = new List<string>();

        var userIds = await DemoUserSeeder.EnsureUsersAsync(users, identityDb, now, cancellationToken).ConfigureAwait(false);
        var db = contexts.CreateDbContext();
        await using (db.ConfigureAwait(false))
        {
            // Thousands of new rows and no updates: change detection would only cost time.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            if (await DemoOrganisationSeeder.SeedAsync(db, userIds, sipOptions.Value.Realm, now, cancellationToken).ConfigureAwait(false))
            {
                seeded.Add("organisation");
            }
            db.ChangeTracker.Clear();
            if (await DemoCustomerSeeder.SeedAsync(db, now, cancellationToken).ConfigureAwait(false))
            {
                seeded.Add("customers");
            }
            db.ChangeTracker.Clear();
            if (await DemoNoticeSeeder.SeedAsync(db, userIds, now, cancellationToken).ConfigureAwait(false))
            {
                seeded.Add("notices");
            }
            db.ChangeTracker.Clear();
            if (await DemoHistorySeeder.SeedAsync(db, now, zone, cancellationToken).ConfigureAwait(false))
            {
                seeded.Add("history");
            }
        }

        if (seeded.Count == 0)
        {
            LogNothingToSeed();
        }
        else
        {
            LogSeeded(string.Join(", ", seeded), stopwatch.ElapsedMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo organisation seeded ({Parts}) in {ElapsedMilliseconds} ms.")]
    private partial void LogSeeded(string parts, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo organisation already present; nothing seeded.")]
    private partial void LogNothingToSeed();
}
