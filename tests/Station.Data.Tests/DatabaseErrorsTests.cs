using Station.Testing;

namespace Station.Data.Tests;

public sealed class DatabaseErrorsTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Classify_DuplicateKey_Sqlite_IsUniqueViolation()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        Assert.Equal(DatabaseErrorKind.UniqueViolation, await DuplicateInsertAsync(database));
    }

    [PostgresFact]
    public async Task Classify_DuplicateKey_Postgres_IsUniqueViolation()
    {
        await using var database = await (await TestDatabase.PostgresAsync(postgres)).MigratedAsync();
        Assert.Equal(DatabaseErrorKind.UniqueViolation, await DuplicateInsertAsync(database));
    }

    [Fact]
    public async Task Classify_UnreachableServer_IsTransient()
    {
        // Port 1 on the loopback refuses connections at once.
        await using var database = TestDatabase.ForPostgres("Host=127.0.0.1;Port=1;Username=postgres;Timeout=2");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => database.ExecuteAsync("SELECT 1"));

        Assert.Equal(DatabaseErrorKind.Transient, DatabaseErrors.Classify(error));
    }

    private static async Task<DatabaseErrorKind> DuplicateInsertAsync(TestDatabase database)
    {
        await using var writer = await database.StartWriterAsync();
        await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        await using var db = database.Factory.CreateDbContext();
        var session = db.StationSessions.Single();
        db.ChangeTracker.Clear();
        db.Add(new Entities.StationSessionRecord
        {
            StationId = session.StationId,
            Sequence = session.Sequence,
            RecordedAt = session.RecordedAt,
            PreviousHash = session.PreviousHash,
            Hash = session.Hash,
            SessionId = Guid.NewGuid(),
            ToolVersion = "x",
            HostName = "x",
        });
        var error = await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync(TestTimeouts.Unexpected));
        return DatabaseErrors.Classify(error);
    }
}
