using CallCenter.Core.Data;
using CallCenter.Core.Demo;
using CallCenter.Core.Domain;
using CallCenter.Core.Options;
using CallCenter.Telephony.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallCenter.Tests.Core.Demo;

/// <summary>
/// What the web app composes, cut down to the start-up data step: a private in-memory SQLite
/// database, Identity with roles over it, the options, a stopped clock and captured logs.
/// </summary>
internal sealed class DemoTestHost : IDbContextFactory<CallCenterDbContext>, IAsyncDisposable
{
    /// <summary>Not the default realm, so a test sees that the configured one is used.</summary>
    public const string Realm = "demo.callcenter.test";

    /// <summary>A Wednesday morning in China Standard Time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 18, 9, 30, 0, TimeSpan.FromHours(8));

    public static readonly TimeZoneInfo Zone =
        TimeZoneInfo.CreateCustomTimeZone("UTC+08 (test)", TimeSpan.FromHours(8), "UTC+08 (test)", "UTC+08 (test)");

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<SqliteCallCenterDbContext> _options;
    private readonly ServiceProvider _services;

    public DemoTestHost(bool demoEnabled = true, string? initialPassword = null)
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<SqliteCallCenterDbContext>().UseSqlite(_connection).Options;
        using (var db = CreateDbContext())
        {
            db.Database.EnsureCreated();
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IDbContextFactory<CallCenterDbContext>>(this);
        services.AddScoped(_ => CreateDbContext());
        services.AddIdentityCore<AppUser>().AddRoles<AppRole>().AddEntityFrameworkStores<CallCenterDbContext>();
        services.Configure<CallCenterOptions>(o =>
        {
            o.Demo.Enabled = demoEnabled;
            o.Admin.InitialPassword = initialPassword;
        });
        services.Configure<SipOptions>(o => o.Realm = Realm);
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now, Zone));
        services.AddCallCenterDemo();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _services;

    public CallCenterDbContext CreateDbContext() => new SqliteCallCenterDbContext(_options);

    public Task InitialiseAsync() => _services.InitialiseCallCenterDataAsync();

    /// <summary>Every table's name, straight from SQLite (the Identity tables included).</summary>
    public IReadOnlyList<string> TableNames()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    /// <summary>Every text value in every column of every table, with where it is.</summary>
    public IEnumerable<(string Table, string Column, string Value)> AllText()
    {
        foreach (var table in TableNames())
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string value)
                    {
                        yield return (table, reader.GetName(i), value);
                    }
                }
            }
        }
    }

    public long Count(string table)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
