using System.Globalization;

using CallCenter.Core.Data;
using CallCenter.Core.Options;
using CallCenter.Telephony.Routing;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using PhoneNumbers;

namespace CallCenter.Core.Telephony;

/// <summary>
/// The <see cref="ICallerIdentification"/> port: the customer whose phone the number is (one indexed query on
/// CustomerPhones), the number's calls in the last 24 hours and 7 days (one range query on the
/// (CallerNumber, OfferedAt) index of Calls), its location (归属地) and carrier (运营商) from libphonenumber's offline
/// data in the UI culture (<see cref="UiOptions.Culture"/>), and whether the blacklist lists it now.
/// </summary>
public sealed partial class CallerIdentification : ICallerIdentification
{
    /// <summary>The region a number without a country code is read in.</summary>
    public const string DefaultRegion = "CN";

    private readonly IDbContextFactory<CallCenterDbContext> _contextFactory;
    private readonly IBlacklist _blacklist;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<CallerIdentification> _logger;
    private readonly Locale _locale;

    /// <summary>Creates the identification; the libphonenumber data is loaded on first use (a process-wide singleton).</summary>
    public CallerIdentification(
        IDbContextFactory<CallCenterDbContext> contextFactory,
        IBlacklist blacklist,
        IOptions<CallCenterOptions> options,
        TimeProvider timeProvider,
        ILogger<CallerIdentification> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _contextFactory = contextFactory;
        _blacklist = blacklist;
        _timeProvider = timeProvider;
        _logger = logger;
        _locale = ToLocale(options.Value.Ui.Culture);
    }

    /// <inheritdoc />
    public async ValueTask<CallerInfo> IdentifyAsync(string callerNumber, CancellationToken cancellationToken)
    {
        var info = new CallerInfo(callerNumber ?? "");
        if (string.IsNullOrEmpty(callerNumber))
        {
            return info;
        }
        var (location, carrier) = Locate(callerNumber);
        info = info with
        {
            Location = location,
            Carrier = carrier,
            IsBlacklisted = await _blacklist.CheckAsync(callerNumber, cancellationToken).ConfigureAwait(false) is not null,
        };

        var now = _timeProvider.GetUtcNow();
        var weekAgo = now.AddDays(-7);
        var dayAgo = now.AddHours(-24);
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var customer = await db.CustomerPhones.AsNoTracking()
                .Where(p => p.Number == callerNumber)
                .OrderBy(p => p.Id)
                .Select(p => new { p.CustomerId, p.Customer!.Name, p.Customer.Company, p.Customer.IsVip, p.Customer.IsMalicious })
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            // Only finished calls count: the call being identified is already recorded (CallOffered comes first)
            // but still in progress, and "calls before this one" must not include it.
            // Two counts on the (CallerNumber, OfferedAt) index: cheaper than a grouped query, and EF translates both plainly.
            var recent = db.Calls.AsNoTracking().Where(c => c.CallerNumber == callerNumber && c.OfferedAt <= now && c.EndedAt != null);
            var week = await recent.CountAsync(c => c.OfferedAt >= weekAgo, cancellationToken).ConfigureAwait(false);
            var day = week == 0 ? 0 : await recent.CountAsync(c => c.OfferedAt >= dayAgo, cancellationToken).ConfigureAwait(false);
            info = info with { CallsLast7Days = week, CallsLast24Hours = day };
            if (customer is not null)
            {
                info = info with
                {
                    CustomerId = customer.CustomerId,
                    CustomerName = customer.Name,
                    Company = customer.Company,
                    IsVip = customer.IsVip,
                    IsMalicious = customer.IsMalicious,
                };
            }
        }
        return info;
    }

    private (string? Location, string? Carrier) Locate(string number)
    {
        try
        {
            var parsed = PhoneNumberUtil.GetInstance().Parse(number, DefaultRegion);
            var location = PhoneNumberOfflineGeocoder.GetInstance().GetDescriptionForNumber(parsed, _locale);
            var carrier = PhoneNumberToCarrierMapper.GetInstance().GetNameForNumber(parsed, _locale);
            return (NullIfEmpty(location), NullIfEmpty(carrier));
        }
        catch (NumberParseException ex)
        {
            // An extension, an anonymous caller or garbage in a From header: nothing to look up.
            LogNotANumber(_logger, number, ex.ErrorType);
            return (null, null);
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    // libphonenumber's Locale is a language and a country ("zh", "CN"); the library picks its traditional-script
    // data (zh_Hant) itself for zh-TW, zh-HK and zh-MO.
    private static Locale ToLocale(string? cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(cultureName) ? "zh-CN" : cultureName);
        var parts = culture.Name.Split('-');
        var country = parts.Length > 1 && parts[^1].Length == 2 ? parts[^1] : "";
        return new Locale(culture.TwoLetterISOLanguageName, country);
    }

    [LoggerMessage(EventId = 3281, Level = LogLevel.Debug, Message = "Caller number {Number} is not a phone number ({Error}); no location or carrier")]
    private static partial void LogNotANumber(ILogger logger, string number, ErrorType error);
}
