using Microsoft.EntityFrameworkCore;
using Station.Data.Entities;

namespace Station.Data;

/// <summary>
/// The station's records. Core sees only this type; <see cref="Postgres.PostgresStationDbContext"/>
/// and <see cref="Sqlite.SqliteStationDbContext"/> hold what differs per provider. The schema comes
/// from db/ (see <see cref="Migrations.DatabaseMigrator"/>), never from EF: tests prove the two agree.
/// Every table is append-only: write through <see cref="Recording.RecordWriter"/>, read with queries.
/// </summary>
public abstract class StationDbContext : DbContext
{
    private protected StationDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<StationSessionRecord> StationSessions => Set<StationSessionRecord>();

    public DbSet<RunStartedRecord> RunStarts => Set<RunStartedRecord>();

    public DbSet<UnitIdentifiedRecord> UnitIdentifications => Set<UnitIdentifiedRecord>();

    public DbSet<StepAttemptRecord> StepAttempts => Set<StepAttemptRecord>();

    public DbSet<FuseIntentRecord> FuseIntents => Set<FuseIntentRecord>();

    public DbSet<FuseResultRecord> FuseResults => Set<FuseResultRecord>();

    public DbSet<ImageWriteRecord> ImageWrites => Set<ImageWriteRecord>();

    public DbSet<LogLineRecord> LogLines => Set<LogLineRecord>();

    public DbSet<RunEndedRecord> RunEnds => Set<RunEndedRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StationDbContext).Assembly);
    }
}
