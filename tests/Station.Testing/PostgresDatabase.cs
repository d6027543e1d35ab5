using Npgsql;
using Xunit;

namespace Station.Testing;

/// <summary>
/// Class fixture for tests against the PostgreSQL server named by <c>STATION_TEST_PG</c> (a
/// connection string; tests/postgres.sh starts a throwaway server and prints it). Each test class
/// gets its own database (<see cref="ConnectionString"/>), and can ask for more fresh ones
/// (<see cref="CreateDatabaseAsync"/>); all are dropped when the class is done.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string EnvironmentVariable = "STATION_TEST_PG";

    public const string MissingMessage =
        "PostgreSQL tests need STATION_TEST_PG (tests/postgres.sh start prints it): skipped locally, failed on CI.";

    private readonly List<string> _created = [];
    private readonly Lock _lock = new();
    private string? _connectionString;

    /// <summary>The server's connection string from the environment, or null.</summary>
    public static string? ConnectionStringFromEnvironment =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    /// <summary>This class's own database.</summary>
    /// <exception cref="InvalidOperationException">STATION_TEST_PG is not set (the test fails: it runs on CI only then).</exception>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException(MissingMessage);

    public async Task InitializeAsync()
    {
        if (ConnectionStringFromEnvironment is not null)
        {
            _connectionString = await CreateDatabaseAsync(TestTimeouts.Unexpected);
        }
    }

    /// <summary>Creates another empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var admin = ConnectionStringFromEnvironment ?? throw new InvalidOperationException(MissingMessage);
        var name = "station_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        lock (_lock)
        {
            _created.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        var admin = ConnectionStringFromEnvironment;
        if (admin is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(TestTimeouts.Unexpected);
        foreach (var name in _created)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync(TestTimeouts.Unexpected);
        }
    }
}
