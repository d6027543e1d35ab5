using Microsoft.EntityFrameworkCore;
using Station.Data.Ledger;
using Station.Testing;

namespace Station.Data.Tests.Ledger;

/// <summary>Someone with database access edits or deletes rows by hand: the verifier names the first broken link.</summary>
public sealed class LedgerTamperTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Verify_FuseValueUpdated_Sqlite_ReportsContentChangedAtThatRow() =>
        await FuseValueUpdatedAsync(await PopulatedAsync(TestDatabase.Sqlite()));

    [PostgresFact]
    public async Task Verify_FuseValueUpdated_Postgres_ReportsContentChangedAtThatRow() =>
        await FuseValueUpdatedAsync(await PopulatedAsync(await TestDatabase.PostgresAsync(postgres)));

    [Fact]
    public async Task Verify_StepRowDeleted_Sqlite_ReportsTheMissingSequence() =>
        await StepDeletedAsync(await PopulatedAsync(TestDatabase.Sqlite()));

    [PostgresFact]
    public async Task Verify_StepRowDeleted_Postgres_ReportsTheMissingSequence() =>
        await StepDeletedAsync(await PopulatedAsync(await TestDatabase.PostgresAsync(postgres)));

    [Fact]
    public async Task Verify_RowEditedAndRehashed_Sqlite_ReportsTheBrokenLinkAfterIt() =>
        await RehashedAsync(await PopulatedAsync(TestDatabase.Sqlite()));

    [PostgresFact]
    public async Task Verify_RowEditedAndRehashed_Postgres_ReportsTheBrokenLinkAfterIt() =>
        await RehashedAsync(await PopulatedAsync(await TestDatabase.PostgresAsync(postgres)));

    [Fact]
    public async Task Verify_NewestRowsDeleted_Sqlite_OnlyAnAnchorCatchesIt() =>
        await NewestDeletedAsync(await PopulatedAsync(TestDatabase.Sqlite()));

    [PostgresFact]
    public async Task Verify_NewestRowsDeleted_Postgres_OnlyAnAnchorCatchesIt() =>
        await NewestDeletedAsync(await PopulatedAsync(await TestDatabase.PostgresAsync(postgres)));

    [Fact]
    public async Task UpdateOrDelete_WithGuardsInPlace_Sqlite_IsRefused() =>
        await GuardsRefuseAsync(await PopulatedAsync(TestDatabase.Sqlite()));

    [PostgresFact]
    public async Task UpdateOrDelete_WithGuardsInPlace_Postgres_IsRefused() =>
        await GuardsRefuseAsync(await PopulatedAsync(await TestDatabase.PostgresAsync(postgres)));

    private static async Task<TestDatabase> PopulatedAsync(TestDatabase database)
    {
        await database.MigratedAsync();
        await using var writer = await database.StartWriterAsync();
        for (var unit = 1; unit <= 3; unit++)
        {
            await SampleRun.RecordAsync(writer, unit);
        }

        await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        return database;
    }

    private static async Task<LedgerVerification> VerifyAsync(TestDatabase database, LedgerHead? anchor = null) =>
        await new LedgerVerifier(database.Factory).VerifyAsync("station-01", anchor, TestTimeouts.Unexpected);

    private static async Task FuseValueUpdatedAsync(TestDatabase database)
    {
        await using var _ = database;
        Assert.True((await VerifyAsync(database)).IsIntact);
        var target = await SequenceAsync(database, "fuse_intents", 1);
        await database.DisableAppendOnlyGuardsAsync("fuse_intents");

        await database.ExecuteAsync($"UPDATE fuse_intents SET requested_value = 0 WHERE sequence = {target}");

        var result = await VerifyAsync(database);
        Assert.False(result.IsIntact);
        Assert.Equal(LedgerBreakKind.ContentChanged, result.FirstBreak!.Kind);
        Assert.Equal(("fuse_intents", target), (result.FirstBreak.Table, result.FirstBreak.Sequence));
        Assert.Equal(target - 1, result.RecordCount);
    }

    private static async Task StepDeletedAsync(TestDatabase database)
    {
        await using var _ = database;
        var target = await SequenceAsync(database, "step_attempts", 2);
        await database.DisableAppendOnlyGuardsAsync("step_attempts");

        await database.ExecuteAsync($"DELETE FROM step_attempts WHERE sequence = {target}");

        var result = await VerifyAsync(database);
        Assert.Equal(LedgerBreakKind.Missing, result.FirstBreak!.Kind);
        Assert.Equal(target, result.FirstBreak.Sequence);
        Assert.Contains($"record {target} is missing", result.FirstBreak.Description, StringComparison.Ordinal);
    }

    private static async Task RehashedAsync(TestDatabase database)
    {
        await using var _ = database;
        var target = await SequenceAsync(database, "image_writes", 1);
        await database.DisableAppendOnlyGuardsAsync("image_writes");
        await using (var db = database.Factory.CreateDbContext())
        {
            // A careful forger: change the row and give it a hash that matches its new content.
            var row = await db.ImageWrites.SingleAsync(r => r.Sequence == target, TestTimeouts.Unexpected);
            row.ReadBackSha256 = SampleRun.Sha("not what was read back");
            row.Hash = LedgerHash.Compute(row);
            await db.SaveChangesAsync(TestTimeouts.Unexpected);
        }

        var result = await VerifyAsync(database);
        Assert.Equal(LedgerBreakKind.LinkBroken, result.FirstBreak!.Kind);
        Assert.Equal(target + 1, result.FirstBreak.Sequence);
        Assert.Contains($"hash of record {target} (image_writes)", result.FirstBreak.Description, StringComparison.Ordinal);
    }

    private static async Task NewestDeletedAsync(TestDatabase database)
    {
        await using var _ = database;
        var before = await VerifyAsync(database);
        var anchor = before.Head!; // e.g. the station's journal head, or a head noted in MES
        await database.DisableAppendOnlyGuardsAsync("run_ends");

        await database.ExecuteAsync($"DELETE FROM run_ends WHERE sequence = {anchor.Sequence}");

        var withoutAnchor = await VerifyAsync(database);
        Assert.True(withoutAnchor.IsIntact); // the chain that is left is consistent: this is the limit
        Assert.Equal(anchor.Sequence - 1, withoutAnchor.Head!.Sequence);
        var withAnchor = await VerifyAsync(database, anchor);
        Assert.Equal(LedgerBreakKind.Truncated, withAnchor.FirstBreak!.Kind);
        Assert.Equal(anchor.Sequence, withAnchor.FirstBreak.Sequence);
    }

    private static async Task GuardsRefuseAsync(TestDatabase database)
    {
        await using var _ = database;

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => database.ExecuteAsync("UPDATE fuse_intents SET requested_value = 0"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => database.ExecuteAsync("DELETE FROM step_attempts"));

        Assert.True((await VerifyAsync(database)).IsIntact);
    }

    private static async Task<long> SequenceAsync(TestDatabase database, string table, int nth) =>
        await database.CountAsync($"SELECT sequence FROM {table} ORDER BY sequence LIMIT 1 OFFSET {nth - 1}");
}
