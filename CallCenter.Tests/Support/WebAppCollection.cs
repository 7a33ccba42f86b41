namespace CallCenter.Tests.Support;

/// <summary>The Web integration tests share one running app (see <see cref="CallCenterWebFactory"/>).</summary>
[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<CallCenterWebFactory>
{
    public const string Name = "Web app";
}
