using System.Data.Common;

using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallCenter.Tests.Core.Telephony;

/// <summary>Counts SaveChanges calls and query commands; optionally makes the first <c>slowSaves</c> SaveChanges slow.</summary>
internal sealed class CountingInterceptor(TimeSpan saveDelay = default, int slowSaves = int.MaxValue) : DbCommandInterceptor, ISaveChangesInterceptor
{
    private int _saves;
    private int _queries;

    public int Saves => Volatile.Read(ref _saves);

    public int Queries => Volatile.Read(ref _queries);

    /// <summary>When set, every asynchronous SaveChanges waits for it: a database that does not answer.</summary>
    public Task? SaveGate { get; set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CountQuery(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        CountQuery(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _saves) <= slowSaves && saveDelay > TimeSpan.Zero)
        {
            await Task.Delay(saveDelay, cancellationToken);
        }
        if (SaveGate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }
        return result;
    }

    private void CountQuery(DbCommand command)
    {
        if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _queries);
        }
    }
}
