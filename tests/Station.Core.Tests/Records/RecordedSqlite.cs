using Microsoft.Extensions.Logging.Abstractions;
using Station.Data;
using Station.Data.Migrations;
using Station.Data.Recording;
using Station.Testing;

namespace Station.Core.Records.Tests;

/// <summary>A real SQLite database at the latest schema in a temporary folder, and the recorder writing into it.</summary>
internal sealed class RecordedSqlite : IAsyncDisposable
{
    private readonly string _folder;

    private RecordedSqlite(string folder, StationDbContextFactory databases, RecordWriter writer)
    {
        _folder = folder;
        Databases = databases;
        Writer = writer;
    }

    public StationDbContextFactory Databases { get; }

    public RecordWriter Writer { get; }

    public static async Task<RecordedSqlite> StartAsync(string stationId)
    {
        var folder = Directory.CreateTempSubdirectory("station-core-records-").FullName;
        var options = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "station.db")}");
        var migrator = new DatabaseMigrator(options, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync(migrator.LatestVersion, TestTimeouts.Unexpected);
        var databases = new StationDbContextFactory(options);
        var writer = await RecordWriter.StartAsync(
            new RecordWriterOptions { StationId = stationId, JournalDirectory = Path.Combine(folder, "journal") },
            databases, TimeProvider.System, NullLogger<RecordWriter>.Instance, TestTimeouts.Unexpected);
        return new RecordedSqlite(folder, databases, writer);
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
