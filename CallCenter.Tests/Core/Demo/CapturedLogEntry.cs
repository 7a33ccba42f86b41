using Microsoft.Extensions.Logging;

namespace CallCenter.Tests.Core.Demo;

internal sealed record CapturedLogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties);
