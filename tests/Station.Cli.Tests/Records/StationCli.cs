using Microsoft.Data.Sqlite;
using Station.Testing;

namespace Station.Cli.Tests.Records;

/// <summary>
/// Runs <c>station</c> in-process against a database of its own (a SQLite file in a fresh folder,
/// or a PostgreSQL connection string): every invocation gets the settings as <c>--Key:Sub=value</c>
/// arguments, so nothing from the machine (files, environment) changes what the tests see.
/// </summary>
internal sealed class StationCli : IDisposable
{
    public const string StationId = "cli-test";

    private StationCli(string folder, string provider, string connectionString)
    {
        Folder = folder;
        Provider = provider;
        ConnectionString = connectionString;
    }

    public string Folder { get; }

    public string Provider { get; }

    public string ConnectionString { get; }

    public string JournalDirectory => Path.Combine(Folder, "journal");

    public static string RecipePath => SharedTestData.RepositoryPath("samples/rt1064/recipe.yaml");

    /// <summary>The settings arguments every invocation carries.</summary>
    public IReadOnlyList<string> Settings =>
    [
        $"--Database:Provider={Provider}",
        $"--ConnectionStrings:Station={ConnectionString}",
        $"--Station:Name={StationId}",
        $"--Station:DataDirectory={Folder}",
    ];

    public static StationCli Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("station-cli-records-").FullName;
        return new StationCli(folder, "Sqlite", $"Data Source={Path.Combine(folder, "station.db")}");
    }

    public static StationCli Postgres(string connectionString) =>
        new(Directory.CreateTempSubdirectory("station-cli-records-").FullName, "Postgres", connectionString);

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Runs <c>station ARGS</c> with this database's settings appended.</summary>
    public Task<CliResult> RunAsync(params string[] args) => InProcessCli.RunAsync([.. args, .. Settings]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
