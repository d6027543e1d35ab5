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
/// is one context that commits a transaction (RecordStore.InsertAsync: create context, BEGIN on
/// the context's connection, the INSERTs on that connection and transaction, COMMIT); its time runs
/// from the context's creation to the commit's return, so it covers the connection from the pool,
/// every round trip and the client's work.
/// </summary>
/// <remarks>
/// The batch time is split by EF's transaction and connection events: the INSERTs (from BEGIN's
/// return to the start of COMMIT: building the statements, sending them, the server executing
/// them; they run on EF's connection but not through EF's command pipeline, so EF cannot time them
/// on their own), the COMMIT, and opening the connection; the rest is creating the context and BEGIN.
/// </remarks>
internal sealed class DeliveryTimer : DbTransactionInterceptor, IDbContextFactory<StationDbContext>, IDbConnectionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Batch> _batches = [];
    private readonly DbContextOptions<PostgresStationDbContext>? _postgres;
    private readonly DbContextOptions<SqliteStationDbContext>? _sqlite;
    private long _count;
    private long _ticks;
    private long _insertTicks;
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

    /// <summary>Batches delivered and their times so far; <paramref name="deliveredSequence"/> (the recorder's) stands for the records.</summary>
    public DeliverySnapshot Snapshot(long deliveredSequence) => new(
        Interlocked.Read(ref _count),
        Time(ref _ticks),
        deliveredSequence,
        Time(ref _insertTicks),
        Time(ref _commitTicks),
        Time(ref _openTicks));

    public StationDbContext CreateDbContext()
    {
        StationDbContext context = _postgres is not null ? new PostgresStationDbContext(_postgres) : new SqliteStationDbContext(_sqlite!);
        _batches.AddOrUpdate(context, new Batch { Created = Stopwatch.GetTimestamp() });
        return context;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        if (Find(eventData) is { } batch)
        {
            batch.Started = Stopwatch.GetTimestamp();
        }

        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Find(eventData) is { } batch)
        {
            batch.Committing = Stopwatch.GetTimestamp();
        }

        return ValueTask.FromResult(result);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Find(eventData) is { } batch)
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - batch.Created);
            Interlocked.Add(ref _insertTicks, batch.Committing - batch.Started);
            Interlocked.Add(ref _commitTicks, Ticks(eventData.Duration));
            Interlocked.Increment(ref _count);
        }

        return Task.CompletedTask;
    }

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Find(eventData) is not null)
        {
            Interlocked.Add(ref _openTicks, Ticks(eventData.Duration));
        }

        return Task.CompletedTask;
    }

    private Batch? Find(DbContextEventData eventData) =>
        eventData.Context is { } context && _batches.TryGetValue(context, out var batch) ? batch : null;

    private static long Ticks(TimeSpan duration) => (long)(duration.TotalSeconds * Stopwatch.Frequency);

    private static TimeSpan Time(ref long ticks) => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref ticks));

    /// <summary>One context's timestamps (Stopwatch ticks).</summary>
    private sealed class Batch
    {
        public long Created { get; init; }

        public long Started { get; set; }

        public long Committing { get; set; }
    }
}
