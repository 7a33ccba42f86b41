namespace CallCenter.Core.Options;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
