using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Station.Data;
using Station.Data.Postgres;
using Station.Data.Sqlite;

namespace Station.Benchmarks.Database;

/// <summary>
/// Measures the recorder's database delivery path from outside Station.Data: a context factory
/// like <see cref="StationDbContextFactory"/> whose contexts carry this interceptor. A delivery batch
/// is one context that commits a transaction (RecordStore.InsertAsync: create context, add records,
/// BEGIN, INSERTs, COMMIT); its time runs from the context's creation to the commit's return, so it
/// covers EF's work, the connection from the pool, and every round trip.
/// </summary>
/// <remarks>
/// The batch time is split by EF's own durations: commands (INSERT round trips, with the reading of
/// their results), the COMMIT, and opening connections; the rest is EF and client CPU work.
/// </remarks>
internal sealed class DeliveryTimer : DbTransactionInterceptor, IDbContextFactory<StationDbContext>, IDbCommandInterceptor, IDbConnectionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, StrongBox<long>> _created = [];
    private readonly DbContextOptions<PostgresStationDbContext>? _postgres;
    private readonly DbContextOptions<SqliteStationDbContext>? _sqlite;
    private long _batches;
    private long _ticks;
    private long _records;
    private long _commandTicks;
    private long _commitTicks;
    private long _openTicks;

    public DeliveryTimer(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            _postgres = new DbContextOptionsBuilder<PostgresStationDbContext>().UseNpgsql(options.ConnectionString).AddInterceptors(this).Options;
        }
        else
        {
            _sqlite = new DbContextOptionsBuilder<SqliteStationDbContext>().UseSqlite(options.ConnectionString).AddInterceptors(this).Options;
        }
    }

    /// <summary>Batches delivered, their total time, and the records in them, so far.</summary>
    public DeliverySnapshot Snapshot() => new(
        Interlocked.Read(ref _batches),
        Time(ref _ticks),
        Interlocked.Read(ref _records),
        Time(ref _commandTicks),
        Time(ref _commitTicks),
        Time(ref _openTicks));

    public StationDbContext CreateDbContext()
    {
        StationDbContext context = _postgres is not null ? new PostgresStationDbContext(_postgres) : new SqliteStationDbContext(_sqlite!);
        _created.AddOrUpdate(context, new StrongBox<long>(Stopwatch.GetTimestamp()));
        context.SavedChanges += (_, e) => Interlocked.Add(ref _records, e.EntitiesSavedCount);
        return context;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _created.TryGetValue(context, out var created))
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - created.Value);
            Interlocked.Add(ref _commitTicks, Ticks(eventData.Duration));
            Interlocked.Increment(ref _batches);
        }

        return Task.CompletedTask;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        AddCommand(eventData);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AddCommand(eventData);
        return ValueTask.FromResult(result);
    }

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _created.TryGetValue(context, out _))
        {
            Interlocked.Add(ref _openTicks, Ticks(eventData.Duration));
        }

        return Task.CompletedTask;
    }

    private void AddCommand(CommandExecutedEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && _created.TryGetValue(context, out _))
        {
            Interlocked.Add(ref _commandTicks, Ticks(eventData.Duration));
        }
    }

    private static long Ticks(TimeSpan duration) => (long)(duration.TotalSeconds * Stopwatch.Frequency);

    private static TimeSpan Time(ref long ticks) => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref ticks));
}
