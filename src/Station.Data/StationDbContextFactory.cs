using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Station.Data.Postgres;
using Station.Data.Sqlite;

namespace Station.Data;

/// <summary>
/// Creates short-lived <see cref="StationDbContext"/>s for the configured provider (the EF
/// "multiple context types" recipe: callers see the base type only).
/// </summary>
public sealed class StationDbContextFactory : IDbContextFactory<StationDbContext>
{
    private readonly DbContextOptions<PostgresStationDbContext>? _postgres;
    private readonly DbContextOptions<SqliteStationDbContext>? _sqlite;

    public StationDbContextFactory(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                _postgres = new DbContextOptionsBuilder<PostgresStationDbContext>()
                    .UseNpgsql(options.ConnectionString)
                    .Options;
                break;
            case DatabaseProvider.Sqlite:
                _sqlite = new DbContextOptionsBuilder<SqliteStationDbContext>()
                    .UseSqlite(options.ConnectionString)
                    .Options;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider.");
        }
    }

    public DatabaseOptions Options { get; }

    public StationDbContext CreateDbContext() => _postgres is not null
        ? new PostgresStationDbContext(_postgres)
        : new SqliteStationDbContext(_sqlite!);

    /// <summary>A plain ADO.NET connection (not opened) for the migrator and catalog checks.</summary>
    public DbConnection CreateConnection() => Options.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(Options.ConnectionString)
        : new SqliteConnection(Options.ConnectionString);
}
