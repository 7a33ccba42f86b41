using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Data;

/// <summary>
/// Hands out the configured provider's context as the common <see cref="CallCenterDbContext"/>,
/// so services and pages depend on IDbContextFactory&lt;CallCenterDbContext&gt; whatever the provider.
/// </summary>
internal sealed class ProviderDbContextFactory<TProvider>(IDbContextFactory<TProvider> inner)
    : IDbContextFactory<CallCenterDbContext>
    where TProvider : CallCenterDbContext
{
    public CallCenterDbContext CreateDbContext() => inner.CreateDbContext();
}
