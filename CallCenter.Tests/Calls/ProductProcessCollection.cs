namespace CallCenter.Tests.Calls;

/// <summary>
/// Tests that start the real product as a child process: run alone, after the parallel tests, so that the
/// product's start-up (migrations, demo data) and the timing-sensitive tests do not compete for the machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProductProcessCollection
{
    public const string Name = "Product process";
}
