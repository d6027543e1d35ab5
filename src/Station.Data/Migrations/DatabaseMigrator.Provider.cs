using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Station.Data.Migrations;

/// <summary>The provider-specific SQL of the migrator: its own table, the lock, transactions.</summary>
public sealed partial class DatabaseMigrator
{
    private const string PostgresMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     integer                  NOT NULL CONSTRAINT pk_schema_migrations PRIMARY KEY,
            name        text                     NOT NULL,
            checksum    text                     NOT NULL,
            applied_at  timestamp with time zone NOT NULL
        )
        """;

    private const string SqliteMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER NOT NULL CONSTRAINT pk_schema_migrations PRIMARY KEY,
            name        TEXT    NOT NULL,
            checksum    TEXT    NOT NULL,
            applied_at  TEXT    NOT NULL
        ) STRICT
        """;

    private string MigrationsTableSql => IsPostgres ? PostgresMigrationsTable : SqliteMigrationsTable;

    private async Task PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!IsPostgres)
        {
            // WAL lets readers (exports, ledger verify) run while the recorder writes. The mode is
            // stored in the database file, so setting it once here is enough.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);
        }
    }

    private async Task AcquireLockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!IsPostgres)
        {
            return;
        }

        // Session-level lock: held until released below or until the connection dies with the process.
        await using var tryLock = connection.CreateCommand();
        tryLock.CommandText = $"SELECT pg_try_advisory_lock({AdvisoryLockKey})";
        if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
        {
            return;
        }

        Log.WaitingForLock(_logger);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT pg_advisory_lock({AdvisoryLockKey})";
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ReleaseLockAsync(DbConnection connection)
    {
        if (!IsPostgres || connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT pg_advisory_unlock({AdvisoryLockKey})";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (DbException)
        {
            // The connection is going away; the server drops a session's advisory locks with it.
        }
    }

    private static async Task<DbTransaction> BeginTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            // BEGIN IMMEDIATE: take the write lock before reading schema_migrations, so two
            // migrators on one file cannot both decide to apply the same script.
            return sqlite.BeginTransaction(deferred: false);
        }

        return await connection.BeginTransactionAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<AppliedMigration>> ReadAppliedAsync(
        DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var appliedAt = DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc);
            rows.Add(new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), appliedAt));
        }

        return rows;
    }

    private async Task InsertAppliedAsync(
        DbConnection connection, DbTransaction transaction, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @applied_at)";
        AddParameter(command, "@version", script.Version);
        AddParameter(command, "@name", script.Name);
        AddParameter(command, "@checksum", script.Checksum);
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        AddParameter(command, "@applied_at", IsPostgres ? now : now.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = (int)ScriptTimeout.TotalSeconds;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
