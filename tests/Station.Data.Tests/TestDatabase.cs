using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Data.Migrations;
using Station.Data.Recording;
using Station.Testing;

namespace Station.Data.Tests;

/// <summary>
/// A fresh, real database for one test (a SQLite file in a temporary folder, or a new database on
/// the test PostgreSQL server) plus a journal folder next to it.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseOptions options, string folder)
    {
        Options = options;
        Folder = folder;
        Factory = new StationDbContextFactory(options);
    }

    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    public string Folder { get; }

    public string JournalDirectory => Path.Combine(Folder, "journal");

    public StationDbContextFactory Factory { get; }

    public static TestDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("station-data-test-").FullName;
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "station.db")}"), folder);
    }

    public static async Task<TestDatabase> PostgresAsync(PostgresDatabase server)
    {
        var connectionString = await server.CreateDatabaseAsync(TestTimeouts.Unexpected);
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.Postgres, connectionString),
            Directory.CreateTempSubdirectory("station-data-test-").FullName);
    }

    public static TestDatabase ForPostgres(string connectionString) =>
        new(new DatabaseOptions(DatabaseProvider.Postgres, connectionString), Directory.CreateTempSubdirectory("station-data-test-").FullName);

    public DatabaseMigrator Migrator() => new(Options, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance);

    public async Task<TestDatabase> MigratedAsync(int? version = null)
    {
        var migrator = Migrator();
        await migrator.MigrateAsync(version ?? migrator.LatestVersion, TestTimeouts.Unexpected);
        return this;
    }

    public RecordWriterOptions WriterOptions(string stationId = "station-01", string? journal = null) => new()
    {
        StationId = stationId,
        JournalDirectory = journal ?? JournalDirectory,
        ToolVersion = "1.2.3-test",
        HostName = "test-host",
        RetryDelayMin = TimeSpan.FromMilliseconds(20),
        RetryDelayMax = TimeSpan.FromMilliseconds(200),
    };

    public Task<RecordWriter> StartWriterAsync(RecordWriterOptions? options = null) =>
        RecordWriter.StartAsync(options ?? WriterOptions(), Factory, TimeProvider.System, NullLogger<RecordWriter>.Instance, TestTimeouts.Unexpected);

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = Factory.CreateConnection();
        await connection.OpenAsync(TestTimeouts.Unexpected);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestTimeouts.Unexpected);
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = Factory.CreateConnection();
        await connection.OpenAsync(TestTimeouts.Unexpected);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(TestTimeouts.Unexpected);
        return value is DBNull ? null : value;
    }

    public async Task<long> CountAsync(string sql) => Convert.ToInt64(await ScalarAsync(sql), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<List<object?[]>> RowsAsync(string sql)
    {
        await using var connection = Factory.CreateConnection();
        await connection.OpenAsync(TestTimeouts.Unexpected);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestTimeouts.Unexpected);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(TestTimeouts.Unexpected))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i, TestTimeouts.Unexpected) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Lets a test edit or delete a ledger row "by hand", as someone with database access would.</summary>
    public Task DisableAppendOnlyGuardsAsync(string table) => Provider == DatabaseProvider.Postgres
        ? ExecuteAsync($"ALTER TABLE {table} DISABLE TRIGGER USER")
        : ExecuteAsync($"DROP TRIGGER IF EXISTS {table}_no_update; DROP TRIGGER IF EXISTS {table}_no_delete;");

    public DbConnection CreateConnection() => Factory.CreateConnection();

    public ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearPool(new SqliteConnection(Options.ConnectionString));
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the folder is in the temp area.
        }

        return ValueTask.CompletedTask;
    }
}
