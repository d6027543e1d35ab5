using Microsoft.Extensions.Logging.Abstractions;
using Station.Data.Migrations;
using Station.Testing;

namespace Station.Data.Tests.Migrations;

public sealed class DatabaseMigratorTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public void Scripts_BothProviders_HaveTheSameVersionsAndNames()
    {
        var sqlite = MigrationScript.ForProvider(DatabaseProvider.Sqlite);
        var postgresScripts = MigrationScript.ForProvider(DatabaseProvider.Postgres);

        Assert.True(sqlite.Count >= 3);
        Assert.Equal(sqlite.Select(s => (s.Version, s.Name)), postgresScripts.Select(s => (s.Version, s.Name)));
        Assert.Equal(Enumerable.Range(1, sqlite.Count), sqlite.Select(s => s.Version));
    }

    [Fact]
    public void ChecksumOf_CrlfCheckout_EqualsLf()
    {
        Assert.Equal(MigrationScript.ChecksumOf("CREATE TABLE t (x int);\nSELECT 1;\n"), MigrationScript.ChecksumOf("CREATE TABLE t (x int);\r\nSELECT 1;\r\n"));
        Assert.NotEqual(MigrationScript.ChecksumOf("SELECT 1;"), MigrationScript.ChecksumOf("SELECT 2;"));
    }

    [Fact]
    public Task Migrate_EmptyDatabase_Sqlite_AppliesEveryScriptOnceAndRecordsIt() => MigrateFromEmptyAsync(TestDatabase.Sqlite());

    [PostgresFact]
    public async Task Migrate_EmptyDatabase_Postgres_AppliesEveryScriptOnceAndRecordsIt() =>
        await MigrateFromEmptyAsync(await TestDatabase.PostgresAsync(postgres));

    [Fact]
    public Task Migrate_AppliedScriptEdited_Sqlite_Refuses() => EditedScriptRefusedAsync(TestDatabase.Sqlite());

    [PostgresFact]
    public async Task Migrate_AppliedScriptEdited_Postgres_Refuses() => await EditedScriptRefusedAsync(await TestDatabase.PostgresAsync(postgres));

    [Fact]
    public Task Migrate_DatabaseNewerThanBuild_Sqlite_Refuses() => NewerDatabaseRefusedAsync(TestDatabase.Sqlite());

    [PostgresFact]
    public async Task Migrate_DatabaseNewerThanBuild_Postgres_Refuses() => await NewerDatabaseRefusedAsync(await TestDatabase.PostgresAsync(postgres));

    [Fact]
    public Task Migrate_ScriptFails_Sqlite_RollsBackThatScriptOnly() => FailingScriptRolledBackAsync(TestDatabase.Sqlite());

    [PostgresFact]
    public async Task Migrate_ScriptFails_Postgres_RollsBackThatScriptOnly() => await FailingScriptRolledBackAsync(await TestDatabase.PostgresAsync(postgres));

    [Fact]
    public Task Migrate_SeveralMigratorsAtOnce_Sqlite_EachScriptAppliedOnce() => ConcurrentMigratorsAsync(TestDatabase.Sqlite(), 4);

    [PostgresFact]
    public async Task Migrate_SeveralMigratorsAtOnce_Postgres_EachScriptAppliedOnce() =>
        await ConcurrentMigratorsAsync(await TestDatabase.PostgresAsync(postgres), 8);

    [PostgresFact]
    public async Task Migrate_WhileAnotherHoldsTheAdvisoryLock_Postgres_WaitsForIt()
    {
        await using var database = await TestDatabase.PostgresAsync(postgres);
        await using var holder = database.CreateConnection();
        await holder.OpenAsync(TestTimeouts.Unexpected);
        await using (var take = holder.CreateCommand())
        {
            take.CommandText = $"SELECT pg_advisory_lock({DatabaseMigrator.AdvisoryLockKey})";
            await take.ExecuteNonQueryAsync(TestTimeouts.Unexpected);
        }

        var migration = database.Migrator().MigrateAsync(TestTimeouts.Unexpected);

        // The migrator is parked on the lock: the server shows its session waiting for an advisory lock.
        await WaitUntilAsync(async () => await database.CountAsync(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") == 1);
        Assert.False(migration.IsCompleted);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM information_schema.tables WHERE table_name = 'run_starts'"));

        await using (var release = holder.CreateCommand())
        {
            release.CommandText = $"SELECT pg_advisory_unlock({DatabaseMigrator.AdvisoryLockKey})";
            await release.ExecuteNonQueryAsync(TestTimeouts.Unexpected);
        }

        var result = await migration.WaitAsync(TestTimeouts.Unexpected);
        Assert.Equal(database.Migrator().LatestVersion, result.CurrentVersion);
    }

    private static async Task MigrateFromEmptyAsync(TestDatabase database)
    {
        await using var _ = database;
        var migrator = database.Migrator();

        var first = await migrator.MigrateAsync(TestTimeouts.Unexpected);
        var second = await migrator.MigrateAsync(TestTimeouts.Unexpected);

        Assert.Equal(migrator.Scripts.Select(s => s.Version), first.Applied);
        Assert.Equal(migrator.LatestVersion, first.CurrentVersion);
        Assert.Empty(second.Applied);
        Assert.Equal(migrator.LatestVersion, second.CurrentVersion);
        var applied = await migrator.GetAppliedAsync(TestTimeouts.Unexpected);
        Assert.Equal(migrator.Scripts.Select(s => (s.Version, s.Name, s.Checksum)), applied.Select(a => (a.Version, a.Name, a.Checksum)));
        Assert.All(applied, a => Assert.Equal(DateTimeKind.Utc, a.AppliedAt.Kind));
    }

    private static async Task EditedScriptRefusedAsync(TestDatabase database)
    {
        await using var _ = database;
        await database.Migrator().MigrateAsync(1, TestTimeouts.Unexpected);
        var scripts = MigrationScript.ForProvider(database.Provider).ToList();
        var edited = scripts[0] with { Sql = scripts[0].Sql + "\n-- a later edit\n", Checksum = MigrationScript.ChecksumOf(scripts[0].Sql + "\n-- a later edit\n") };
        scripts[0] = edited;
        var migrator = new DatabaseMigrator(database.Options, scripts, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance);

        var error = await Assert.ThrowsAsync<MigrationException>(() => migrator.MigrateAsync(TestTimeouts.Unexpected));

        Assert.Contains("0001_initial was changed after it was applied", error.Message, StringComparison.Ordinal);
        var applied = await database.Migrator().GetAppliedAsync(TestTimeouts.Unexpected);
        Assert.Equal([1], applied.Select(a => a.Version)); // nothing further was applied
    }

    private static async Task NewerDatabaseRefusedAsync(TestDatabase database)
    {
        await using var _ = database;
        await database.MigratedAsync();
        var older = MigrationScript.ForProvider(database.Provider).Take(1).ToList();
        var migrator = new DatabaseMigrator(database.Options, older, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance);

        var error = await Assert.ThrowsAsync<MigrationException>(() => migrator.MigrateAsync(TestTimeouts.Unexpected));

        Assert.Contains("which this build does not know", error.Message, StringComparison.Ordinal);
    }

    private static async Task FailingScriptRolledBackAsync(TestDatabase database)
    {
        await using var _ = database;
        var scripts = MigrationScript.ForProvider(database.Provider).Take(1).ToList();
        const string Broken = "CREATE TABLE half_done (x integer);\nSELECT * FROM no_such_table;\n";
        scripts.Add(new MigrationScript(2, "broken", Broken, MigrationScript.ChecksumOf(Broken)));
        var migrator = new DatabaseMigrator(database.Options, scripts, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance);

        var error = await Assert.ThrowsAsync<MigrationException>(() => migrator.MigrateAsync(TestTimeouts.Unexpected));

        Assert.Contains("0002_broken failed and was rolled back", error.Message, StringComparison.Ordinal);
        Assert.Equal([1], (await migrator.GetAppliedAsync(TestTimeouts.Unexpected)).Select(a => a.Version));
        var halfDone = database.Provider == DatabaseProvider.Postgres
            ? "SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'"
            : "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'";
        Assert.Equal(0, await database.CountAsync(halfDone));
    }

    private static async Task ConcurrentMigratorsAsync(TestDatabase database, int migrators)
    {
        await using var _ = database;
        using var start = new SemaphoreSlim(0, migrators);
        var runs = Enumerable.Range(0, migrators).Select(async _ =>
        {
            await start.WaitAsync(TestTimeouts.Unexpected);
            return await database.Migrator().MigrateAsync(TestTimeouts.Unexpected);
        }).ToList();
        start.Release(migrators);

        var results = await Task.WhenAll(runs);

        var latest = database.Migrator().LatestVersion;
        Assert.All(results, r => Assert.Equal(latest, r.CurrentVersion));
        Assert.Equal(Enumerable.Range(1, latest), results.SelectMany(r => r.Applied).Order());
        Assert.Equal(latest, await database.CountAsync("SELECT count(*) FROM schema_migrations"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = TestTimeouts.Unexpected;
        while (!await condition())
        {
            deadline.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }
}
