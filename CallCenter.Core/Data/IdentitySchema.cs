using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Data;

/// <summary>
/// Identity builds its tables from the host's IdentityOptions.Stores.SchemaVersion, and from Version1 when
/// a context has no host (dotnet-ef, tests). The migrations are generated without a host and applied
/// with one, so the version is pinned here for both: one model everywhere.
/// </summary>
internal static class IdentitySchema
{
    /// <summary>.NET 10's schema (passkeys, surrogate keys on logins and tokens).</summary>
    public static readonly Version Version = IdentitySchemaVersions.Version3;

    /// <summary>Application services for a context created without a host.</summary>
    public static readonly IServiceProvider StandaloneServices = new ServiceCollection().PinIdentitySchema().BuildServiceProvider();

    /// <summary>PostConfigure so that it wins over whatever AddIdentity's callback sets.</summary>
    public static IServiceCollection PinIdentitySchema(this IServiceCollection services) =>
        services.PostConfigure<IdentityOptions>(o => o.Stores.SchemaVersion = Version);
}
