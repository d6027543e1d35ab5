using Microsoft.EntityFrameworkCore;
using Station.Data.Entities;
using Station.Data.Ledger;
using Station.Data.Recording;
using Station.Testing;

namespace Station.Data.Tests.Migrations;

/// <summary>A database that holds records at 0001 is upgraded to the latest version: the data stays, the views see it.</summary>
public sealed class UpgradeTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Migrate_PopulatedAtVersion1_Sqlite_KeepsEveryRecordAndTheViewsSeeThem()
    {
        await using var database = TestDatabase.Sqlite();
        await UpgradeAsync(database);
    }

    [PostgresFact]
    public async Task Migrate_PopulatedAtVersion1_Postgres_KeepsEveryRecordAndTheViewsSeeThem()
    {
        await using var database = await TestDatabase.PostgresAsync(postgres);
        await UpgradeAsync(database);
    }

    private static async Task UpgradeAsync(TestDatabase database)
    {
        await database.MigratedAsync(version: 1);
        await using (var writer = await database.StartWriterAsync())
        {
            await SampleRun.RecordAsync(writer, 1, "slot-1");
            await SampleRun.RecordAsync(writer, 2, "slot-2", RunOutcome.Failed);
            var open = SampleRun.StartAndIdentify(writer, 3, "slot-2");
            await open.RecordFuseIntentAsync(new FuseIntent(0x30, "GP2", 1, 1, 0), TestTimeouts.Unexpected);
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        }

        var before = await new LedgerVerifier(database.Factory).VerifyAsync("station-01", null, TestTimeouts.Unexpected);

        var result = await database.Migrator().MigrateAsync(TestTimeouts.Unexpected);

        Assert.Equal(Enumerable.Range(2, database.Migrator().LatestVersion - 1), result.Applied);
        var after = await new LedgerVerifier(database.Factory).VerifyAsync("station-01", null, TestTimeouts.Unexpected);
        Assert.True(after.IsIntact, after.FirstBreak?.ToString());
        Assert.Equal(before.RecordCount, after.RecordCount);
        Assert.Equal(before.Head!.Hash, after.Head!.Hash);

        // The QA views see the old rows.
        Assert.Equal(3, await database.CountAsync("SELECT count(*) FROM run_summary"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM open_runs"));
        Assert.Equal(3, await database.CountAsync("SELECT count(*) FROM unit_summary"));
        Assert.Equal(1, await database.CountAsync($"SELECT passed_runs FROM unit_summary WHERE chip_uid = '{SampleRun.ChipUid(1)}'"));
        Assert.Equal(3, await database.CountAsync("SELECT count(*) FROM fuse_history"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM unresolved_fuse_intents"));
        Assert.Equal(2, await database.CountAsync("SELECT count(*) FROM failures_by_status_and_slot WHERE kind = 'step' AND device_status = 20106 AND failures = 1"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM failures_by_status_and_slot WHERE kind = 'run' AND slot = 'slot-2' AND outcome = 'failed'"));
        Assert.Equal("SN-000002", await database.ScalarAsync($"SELECT serial_number FROM run_summary WHERE chip_uid = '{SampleRun.ChipUid(2)}'"));

        // Recording goes on after the upgrade, and the append-only guards are in place.
        await using (var writer = await database.StartWriterAsync())
        {
            await SampleRun.RecordAsync(writer, 4);
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        }

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => database.ExecuteAsync("DELETE FROM log_lines"));
        await using var db = database.Factory.CreateDbContext();
        Assert.Equal(4, await db.RunStarts.CountAsync(TestTimeouts.Unexpected));
    }
}
