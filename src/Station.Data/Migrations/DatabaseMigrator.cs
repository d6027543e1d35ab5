using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Station.Data.Migrations;

/// <summary>
/// Applies db/&lt;provider&gt;/NNNN_name.sql in version order and records each in schema_migrations
/// (version, name, checksum, applied_at). It refuses to run when an applied script has changed, when
/// the database holds a version this build does not know, or when versions were applied out of
/// order. Each script runs in its own transaction with its schema_migrations row. On PostgreSQL the
/// whole run holds <c>pg_advisory_lock</c>, so stations that start together take turns; on SQLite
/// each step runs in a <c>BEGIN IMMEDIATE</c> transaction and re-reads what is applied.
/// Called by <c>station db migrate</c> and the host's opt-in start-up migration (STYLE 4.10).
/// </summary>
public sealed partial class DatabaseMigrator
{
    /// <summary>The advisory lock key: "STATION\0" as a big-endian 64-bit integer.</summary>
    internal const long AdvisoryLockKey = 0x53544154494F4E00;

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(30);

    private readonly DatabaseOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DatabaseMigrator> _logger;

    public DatabaseMigrator(DatabaseOptions options, TimeProvider timeProvider, ILogger<DatabaseMigrator> logger)
        : this(options, MigrationScript.ForProvider(options?.Provider ?? DatabaseProvider.Sqlite), timeProvider, logger)
    {
    }

    internal DatabaseMigrator(
        DatabaseOptions options, IReadOnlyList<MigrationScript> scripts, TimeProvider timeProvider, ILogger<DatabaseMigrator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scripts);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        Scripts = scripts;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The scripts this build carries for the configured provider, in order.</summary>
    public IReadOnlyList<MigrationScript> Scripts { get; }

    public int LatestVersion => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    /// <summary>Brings the database to the latest version.</summary>
    /// <exception cref="MigrationException">A check failed or a script failed; see the message.</exception>
    public Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken) =>
        MigrateAsync(LatestVersion, cancellationToken);

    /// <summary>Applies the pending scripts up to and including <paramref name="targetVersion"/>.</summary>
    /// <exception cref="MigrationException">A check failed or a script failed; see the message.</exception>
    public async Task<MigrationResult> MigrateAsync(int targetVersion, CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await PrepareConnectionAsync(connection, cancellationToken);
        await AcquireLockAsync(connection, cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, MigrationsTableSql, cancellationToken);
            var appliedNow = new List<int>();
            while (true)
            {
                await using var transaction = await BeginTransactionAsync(connection, cancellationToken);
                var applied = await ReadAppliedAsync(connection, transaction, cancellationToken);
                var next = FindNext(applied, targetVersion);
                if (next is null)
                {
                    await transaction.CommitAsync(cancellationToken);
                    var current = applied.Count == 0 ? 0 : applied.Max(a => a.Version);
                    if (appliedNow.Count == 0)
                    {
                        Log.UpToDate(_logger, current);
                    }

                    return new MigrationResult(appliedNow, current);
                }

                Log.Applying(_logger, next.Version, next.Name);
                try
                {
                    await ExecuteAsync(connection, transaction, next.Sql, cancellationToken);
                }
                catch (DbException exception)
                {
                    throw new MigrationException(
                        $"Migration {next.Version:D4}_{next.Name} failed and was rolled back: {exception.Message}", exception);
                }

                await InsertAppliedAsync(connection, transaction, next, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                appliedNow.Add(next.Version);
                Log.Applied(_logger, next.Version, next.Name);
            }
        }
        finally
        {
            await ReleaseLockAsync(connection);
        }
    }

    /// <summary>What schema_migrations holds (empty when the table does not exist yet).</summary>
    public async Task<IReadOnlyList<AppliedMigration>> GetAppliedAsync(CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, MigrationsTableSql, cancellationToken);
        return await ReadAppliedAsync(connection, null, cancellationToken);
    }

    /// <summary>
    /// The next script to apply, after checking what is applied against what this build carries.
    /// </summary>
    private MigrationScript? FindNext(IReadOnlyList<AppliedMigration> applied, int targetVersion)
    {
        var byVersion = Scripts.ToDictionary(s => s.Version);
        foreach (var row in applied)
        {
            if (!byVersion.TryGetValue(row.Version, out var script))
            {
                throw new MigrationException(
                    $"The database has migration {row.Version:D4}_{row.Name}, which this build does not know: " +
                    "it was migrated by a newer Station. Refusing to run.");
            }

            if (!string.Equals(script.Checksum, row.Checksum, StringComparison.OrdinalIgnoreCase))
            {
                throw new MigrationException(
                    $"Migration {row.Version:D4}_{row.Name} was changed after it was applied (checksum in the database " +
                    $"{row.Checksum}, script {script.Checksum}). Applied scripts must never be edited; add a new one. " +
                    "Refusing to run.");
            }
        }

        var appliedVersions = applied.Select(a => a.Version).ToHashSet();
        var pending = Scripts.Where(s => !appliedVersions.Contains(s.Version)).ToList();
        var highestApplied = applied.Count == 0 ? 0 : applied.Max(a => a.Version);
        var outOfOrder = pending.FirstOrDefault(s => s.Version < highestApplied);
        return outOfOrder is not null
            ? throw new MigrationException(
                $"Migration {outOfOrder.Version:D4}_{outOfOrder.Name} is pending but the later {highestApplied:D4} is " +
                "already applied. Refusing to run out of order.")
            : pending.FirstOrDefault(s => s.Version <= targetVersion);
    }

    private DbConnection CreateConnection() => _options.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(_options.ConnectionString)
        : new SqliteConnection(_options.ConnectionString);

    private bool IsPostgres => _options.Provider == DatabaseProvider.Postgres;
}
