using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Data;

/// <summary>The tables a context's model maps to, derived from the model so new entities are covered.</summary>
internal static class ModelTables
{
    public static IReadOnlyList<string> Of(DbContext db) =>
        db.Model.GetEntityTypes()
            .Where(e => !e.IsOwned())
            .Select(e => e.GetTableName())
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
