using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CallCenter.Core.Services.Admin;

/// <summary>The optimistic-concurrency steps every admin edit shares.</summary>
internal static class AdminSave
{
    /// <summary>
    /// Makes the update conditional on the version the editor loaded, and marks the row modified even
    /// when only its child rows (members, skills) change, so the DbContext stamps a new version and a
    /// second editor working from the old one is refused.
    /// </summary>
    public static void ExpectVersion<T>(EntityEntry<T> entry, Guid editorVersion)
        where T : class, IVersioned
    {
        var version = entry.Property(e => e.Version);
        version.OriginalValue = editorVersion;
        version.IsModified = true;
    }

    /// <summary>Saves; a row changed or deleted since it was read (the token did not match) is a conflict.</summary>
    public static async Task<AdminResult> SaveAsync(CallCenterDbContext db, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return AdminResult.Ok(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AdminResult.Conflict();
        }
    }
}
