using System.Diagnostics;

namespace CallCenter.Tests.Core.Demo;

/// <summary>One database with the demo seeded through the start-up entry point, shared by the read-only tests.</summary>
public sealed class SeededDemoFixture : IAsyncLifetime
{
    internal DemoTestHost Host { get; } = new();

    public TimeSpan SeedingTime { get; private set; }

    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        await Host.InitialiseAsync();
        SeedingTime = stopwatch.Elapsed;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
