using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CallCenter.Core.Data;

/// <summary>
/// Stores a DateTimeOffset in SQLite as its UTC ticks, so that comparing and ordering the integer is
/// comparing and ordering the instants. EF's DateTimeOffsetToBinaryConverter keeps the offset but
/// encodes the local clock, which sorts 09:00+08:00 after 02:00Z. The offset is not kept: values come
/// back in UTC, and pages show them in the user's time zone anyway.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
