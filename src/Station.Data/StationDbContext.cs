using Microsoft.EntityFrameworkCore;
using Station.Data.Entities;

namespace Station.Data;

/// <summary>
/// The station's records. Core sees only this type; <see cref="Postgres.PostgresStationDbContext"/>
/// and <see cref="Sqlite.SqliteStationDbContext"/> hold what differs per provider. The schema comes
/// from db/ (see <see cref="Migrations.DatabaseMigrator"/>), never from EF: tests prove the two agree.
/// Every ledger table is append-only: write through <see cref="Recording.RecordWriter"/>, read with queries.
/// The station service's tables (users, api_keys, recipes, …) are written by the host directly.
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

    // The station service's tables (not in the ledger's chain): people, keys, recipes, run requests.
    public DbSet<UserRecord> Users => Set<UserRecord>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<RecipeRecord> Recipes => Set<RecipeRecord>();

    public DbSet<RecipeApprovalRecord> RecipeApprovals => Set<RecipeApprovalRecord>();

    public DbSet<RecipeActivationRecord> RecipeActivations => Set<RecipeActivationRecord>();

    public DbSet<RunRequestRecord> RunRequests => Set<RunRequestRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StationDbContext).Assembly);
    }
}
