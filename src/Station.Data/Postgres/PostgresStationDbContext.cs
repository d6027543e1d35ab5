using Microsoft.EntityFrameworkCore;

namespace Station.Data.Postgres;

/// <summary>The PostgreSQL flavour of <see cref="StationDbContext"/> (schema: db/postgres).</summary>
public sealed class PostgresStationDbContext(DbContextOptions<PostgresStationDbContext> options)
    : StationDbContext(options)
{
}
