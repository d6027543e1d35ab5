using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Station.Data;
using Station.Data.Entities;
using Station.Data.Migrations;
using Station.Data.Recording;

namespace Station.Benchmarks.Database;

/// <summary>
/// What one delivery transaction costs, by way of EF (as RecordStore.InsertAsync did it before it
/// had RecordInserter: a context, Add per record, BEGIN, SaveChanges, COMMIT), by plain ADO.NET with
/// the same rows written by hand (PostgreSQL: one NpgsqlBatch of single-row INSERTs; SQLite: one
/// prepared INSERT re-executed), and by the recorder as it is now (RecordStore.InsertAsync: a
/// context, BEGIN, RecordInserter's INSERTs on its connection, COMMIT), for batches of 20 and 40
/// records (half a unit and a unit) and 1000 (the recorder's batch limit).
/// </summary>
internal static class InsertCostBenchmark
{
    private const string InsertInto =
        "INSERT INTO step_attempts (station_id, sequence, recorded_at, previous_hash, hash, run_id, step_name, attempt, started_at, ended_at, result) VALUES ";

    private const string PostgresInsert = InsertInto + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

    private const string SqliteInsert = InsertInto + "($p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11)";

    public static async Task<int> RunAsync(string[] args)
    {
        DatabaseBenchmarkOptions options;
        try
        {
            options = DatabaseBenchmarkOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}");
            await Console.Error.WriteLineAsync("usage: db-insert --provider postgres|sqlite [--connection CS]");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("station-bench-insert-").FullName;
        string? postgresDatabase = null;
        try
        {
            DatabaseOptions database;
            if (options.Provider == DatabaseProvider.Postgres)
            {
                postgresDatabase = "station_bench_" + Guid.NewGuid().ToString("N");
                await ExecuteAsync(new NpgsqlConnection(options.Connection), $"CREATE DATABASE \"{postgresDatabase}\"");
                database = new DatabaseOptions(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(options.Connection) { Database = postgresDatabase }.ConnectionString);
            }
            else
            {
                database = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "station.db")}");
            }

            await new DatabaseMigrator(database, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
            var factory = new StationDbContextFactory(database);
            var sequence = 0L;
            Console.WriteLine($"## db-insert: {StationSettingsText(database)}");
            Console.WriteLine();
            var store = new RecordStore(factory);
            Console.WriteLine("| records per transaction | transactions | EF (context, Add, BEGIN, SaveChanges, COMMIT) | plain ADO.NET, same rows | recorder (RecordStore.InsertAsync) | per record: EF / ADO.NET / recorder |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
            foreach (var (size, rounds) in new[] { (20, 300), (40, 300), (1000, 30) })
            {
                // Warm-up, then the measured rounds, alternating so that both see the same machine.
                for (var i = 0; i < 20; i++)
                {
                    await EfAsync(factory, size, () => ++sequence);
                    await PlainAsync(database, size, () => ++sequence);
                    await RecorderAsync(store, size, () => ++sequence);
                }

                var ef = TimeSpan.Zero;
                var plain = TimeSpan.Zero;
                var recorder = TimeSpan.Zero;
                for (var i = 0; i < rounds; i++)
                {
                    ef += await EfAsync(factory, size, () => ++sequence);
                    plain += await PlainAsync(database, size, () => ++sequence);
                    recorder += await RecorderAsync(store, size, () => ++sequence);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {size} | {rounds} | {DatabaseBenchmark.Milli(ef / rounds)} ms | {DatabaseBenchmark.Milli(plain / rounds)} ms | {DatabaseBenchmark.Milli(recorder / rounds)} ms " +
                    $"| {DatabaseBenchmark.Micro(ef / rounds / size)} / {DatabaseBenchmark.Micro(plain / rounds / size)} / {DatabaseBenchmark.Micro(recorder / rounds / size)} µs |"));
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (postgresDatabase is not null)
            {
                await ExecuteAsync(new NpgsqlConnection(options.Connection), $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)");
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static string StationSettingsText(DatabaseOptions database) => database.Provider == DatabaseProvider.Postgres
        ? $"PostgreSQL at {new NpgsqlConnectionStringBuilder(database.ConnectionString).Host}:{new NpgsqlConnectionStringBuilder(database.ConnectionString).Port}"
        : "SQLite (WAL)";

    private static async Task<TimeSpan> EfAsync(StationDbContextFactory factory, int size, Func<long> next)
    {
        var start = Stopwatch.GetTimestamp();
        await using var db = factory.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < size; i++)
        {
            db.Add((object)Row(next()));
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Stopwatch.GetElapsedTime(start);
    }

    private static async Task<TimeSpan> RecorderAsync(RecordStore store, int size, Func<long> next)
    {
        var start = Stopwatch.GetTimestamp();
        var rows = new List<LedgerRecord>(size);
        for (var i = 0; i < size; i++)
        {
            rows.Add(Row(next()));
        }

        await store.InsertAsync(rows, null, CancellationToken.None);
        return Stopwatch.GetElapsedTime(start);
    }

    private static async Task<TimeSpan> PlainAsync(DatabaseOptions database, int size, Func<long> next)
    {
        var start = Stopwatch.GetTimestamp();
        await using DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (connection is NpgsqlConnection postgres)
        {
            await using var batch = new NpgsqlBatch(postgres, (NpgsqlTransaction)transaction);
            for (var i = 0; i < size; i++)
            {
                var command = new NpgsqlBatchCommand(PostgresInsert);
                foreach (var value in Values(Row(next())))
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value });
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync();
        }
        else
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = SqliteInsert;
            var parameters = Enumerable.Range(1, 11).Select(n => ((SqliteCommand)command).Parameters.Add(new SqliteParameter($"$p{n}", null))).ToArray();
            for (var i = 0; i < size; i++)
            {
                var values = Values(Row(next()));
                for (var p = 0; p < values.Length; p++)
                {
                    parameters[p].Value = values[p] is DateTime time ? time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) : values[p];
                }

                await command.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        return Stopwatch.GetElapsedTime(start);
    }

    private static StepAttemptRecord Row(long sequence)
    {
        var now = new DateTime(DateTime.UtcNow.Ticks / 10 * 10, DateTimeKind.Utc);
        return new StepAttemptRecord
        {
            StationId = "insert-bench",
            Sequence = sequence,
            RecordedAt = now,
            PreviousHash = new byte[32],
            Hash = new byte[32],
            RunId = Guid.CreateVersion7(),
            StepName = "Erase",
            Attempt = 1,
            StartedAt = now,
            EndedAt = now,
            Result = StepResult.Passed,
        };
    }

    private static object[] Values(StepAttemptRecord row) =>
        [row.StationId, row.Sequence, row.RecordedAt, row.PreviousHash, row.Hash, row.RunId, row.StepName, row.Attempt, row.StartedAt, row.EndedAt, "passed"];

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
