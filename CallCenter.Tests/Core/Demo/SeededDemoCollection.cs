namespace CallCenter.Tests.Core.Demo;

[CollectionDefinition(Name)]
public sealed class SeededDemoCollection : ICollectionFixture<SeededDemoFixture>
{
    public const string Name = "Seeded demo";
}
