using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CallCenter.Tests.Core.Demo;

internal sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLogEntry> sink) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value)
            : [];
        sink.Enqueue(new CapturedLogEntry(category, logLevel, formatter(state, exception), properties));
    }
}
