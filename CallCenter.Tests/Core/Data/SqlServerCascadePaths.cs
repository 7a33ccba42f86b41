using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CallCenter.Tests.Core.Data;

/// <summary>
/// SQL Server's rule for referential actions, checked without a server: from any table, following
/// ON DELETE CASCADE / SET NULL / SET DEFAULT keys must never reach one table twice nor come back
/// (error 1785, "may cause cycles or multiple cascade paths").
/// </summary>
internal static class SqlServerCascadePaths
{
    public static IReadOnlyList<string> Problems(IModel model) =>
        Problems(model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(f => f.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull)
            .Select(f => (Principal: f.PrincipalEntityType.GetTableName()!, Dependent: f.DeclaringEntityType.GetTableName()!))
            // An owned type stored in its owner's row (JSON, table splitting) has no constraint in SQL.
            .Where(edge => edge.Principal != edge.Dependent)
            .ToList());

    public static IReadOnlyList<string> Problems(IReadOnlyList<(string Principal, string Dependent)> edges)
    {
        var problems = new List<string>();
        foreach (var root in edges.Select(e => e.Principal).Distinct())
        {
            var reached = new Dictionary<string, string>(StringComparer.Ordinal);
            Walk(root, root, [root], reached, edges, problems);
        }
        return problems;
    }

    private static void Walk(
        string table,
        string path,
        HashSet<string> onPath,
        Dictionary<string, string> reached,
        IReadOnlyList<(string Principal, string Dependent)> edges,
        List<string> problems)
    {
        foreach (var (_, dependent) in edges.Where(e => e.Principal == table))
        {
            var next = $"{path} -> {dependent}";
            if (onPath.Contains(dependent))
            {
                problems.Add($"cycle: {next}");
                continue;
            }
            if (reached.TryGetValue(dependent, out var earlier))
            {
                problems.Add($"two paths: {earlier} and {next}");
                continue;
            }
            reached[dependent] = next;
            onPath.Add(dependent);
            Walk(dependent, next, onPath, reached, edges, problems);
            onPath.Remove(dependent);
        }
    }
}
