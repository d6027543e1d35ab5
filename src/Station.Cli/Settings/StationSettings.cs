using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Station.Data;

namespace Station.Cli.Settings;

/// <summary>
/// The settings every command and the host share (docs/CONFIGURATION.md), resolved with their
/// defaults: the database, this station's id (its ledger chain) and the recorder's journal folder.
/// </summary>
/// <param name="Database">Provider and connection string.</param>
/// <param name="StationId">This station's name (<c>Station:Name</c>), the key of its ledger chain.</param>
/// <param name="DataDirectory">Where the default SQLite file and the journal live.</param>
internal sealed record StationSettings(DatabaseOptions Database, string StationId, string DataDirectory)
{
    /// <summary>The station's name, as the host calls it (its StationOptions.Name): the ledger chain's key.</summary>
    public const string StationIdKey = "Station:Name";
    public const string DataDirectoryKey = "Station:DataDirectory";
    public const string DefaultDatabaseFileName = "station.db";

    /// <summary>The ledger's limit on station ids (Station.Data's station_id column).</summary>
    public const int MaxStationIdLength = 64;

    /// <summary>
    /// The per-user data folder: <c>~/.local/share/Station</c> on Linux, <c>%LOCALAPPDATA%\Station</c>
    /// on Windows; the current directory's <c>station-data</c> when the user has no profile.
    /// </summary>
    public static string DefaultDataDirectory
    {
        get
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return string.IsNullOrEmpty(local)
                ? Path.Combine(Environment.CurrentDirectory, "station-data")
                : Path.Combine(local, "Station");
        }
    }

    /// <summary>The machine's name (as the host's default).</summary>
    public static string DefaultStationId => Environment.MachineName;

    /// <summary>The recorder's durable queue: <c>journal</c> in the data folder (the host's too).</summary>
    public string JournalDirectory => Path.Combine(DataDirectory, "journal");

    /// <summary>Reads the settings and fills in the defaults; every problem is listed at once.</summary>
    /// <exception cref="DatabaseConfigurationException">A setting is invalid (all problems in <see cref="DatabaseConfigurationException.Errors"/>).</exception>
    public static StationSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var dataDirectory = Path.GetFullPath(Text(configuration, DataDirectoryKey) ?? DefaultDataDirectory);
        var stationId = Text(configuration, StationIdKey) ?? DefaultStationId;
        if (stationId.Length > MaxStationIdLength)
        {
            errors.Add($"{StationIdKey} is {stationId.Length} characters long; at most {MaxStationIdLength}.");
        }

        DatabaseOptions? database = null;
        try
        {
            database = DatabaseOptions.FromConfiguration(WithDefaultDatabase(configuration, dataDirectory));
        }
        catch (DatabaseConfigurationException exception)
        {
            errors.AddRange(exception.Errors);
        }

        return errors.Count > 0
            ? throw new DatabaseConfigurationException(errors)
            : new StationSettings(database!, stationId, dataDirectory);
    }

    /// <summary>The database in words, without secrets: "SQLite /var/lib/station/station.db", "PostgreSQL station@db1:5432/station".</summary>
    public string DescribeDatabase() => Describe(Database);

    public static string Describe(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                return $"SQLite {new SqliteConnectionStringBuilder(database.ConnectionString).DataSource}";
            }

            var postgres = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            var user = string.IsNullOrEmpty(postgres.Username) ? "" : postgres.Username + "@";
            return $"PostgreSQL {user}{postgres.Host}:{postgres.Port}/{postgres.Database}";
        }
        catch (ArgumentException)
        {
            return $"{database.Provider} (connection string not readable)";
        }
    }

    /// <summary>Creates the folder of a SQLite file (SQLite creates the file, not its folder).</summary>
    public void EnsureDatabaseFolder()
    {
        if (Database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var file = new SqliteConnectionStringBuilder(Database.ConnectionString).DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>
    /// With SQLite (the default provider) and no connection string, the database is
    /// <c>station.db</c> in the data folder.
    /// </summary>
    private static IConfiguration WithDefaultDatabase(IConfiguration configuration, string dataDirectory)
    {
        var provider = Text(configuration, DatabaseOptions.ProviderKey);
        var isSqlite = provider is null || provider.Trim().Equals("sqlite", StringComparison.OrdinalIgnoreCase);
        if (!isSqlite || !string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)))
        {
            return configuration;
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, DefaultDatabaseFileName) }.ToString();
        return new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection([new($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", connectionString)])
            .Build();
    }

    private static string? Text(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
