using CallCenter.Core.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Data;

/// <summary>Refuses to start on SQL Server without a connection string, instead of failing at the first query.</summary>
internal sealed class DatabaseSettingsValidator(IConfiguration configuration) : IValidateOptions<CallCenterOptions>
{
    public ValidateOptionsResult Validate(string? name, CallCenterOptions options) =>
        options.Database.Provider == DatabaseProvider.SqlServer
        && string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseServiceCollectionExtensions.ConnectionStringName))
            ? ValidateOptionsResult.Fail("CallCenter:Database:Provider is SqlServer but ConnectionStrings:CallCenter is not set.")
            : ValidateOptionsResult.Success;
}
