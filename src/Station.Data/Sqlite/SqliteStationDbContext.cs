using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Station.Data.Sqlite;

/// <summary>The SQLite flavour of <see cref="StationDbContext"/> (schema: db/sqlite).</summary>
public sealed class SqliteStationDbContext(DbContextOptions<SqliteStationDbContext> options)
    : StationDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite keeps DateTime as ISO text without a zone and hands it back as Unspecified; every
        // time we store is UTC (PostgreSQL's timestamptz comes back as Utc by itself).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter()
        : ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
