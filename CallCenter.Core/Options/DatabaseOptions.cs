namespace CallCenter.Core.Options;

public class DatabaseOptions
{
    /// <summary>Sqlite or SqlServer.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
