using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Core.Runs;
using Station.Core.Runs.Tests;
using Station.Data;
using Station.Data.Ledger;
using Station.Data.Migrations;
using Station.Data.Recording;
using Station.Testing;

namespace Station.Core.Records.Tests;

/// <summary>A simulated run recorded into a real SQLite database through the recorder.</summary>
public sealed class RecordingRunEventsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("station-core-records-").FullName;
    private StationDbContextFactory _databases = null!;
    private RecordWriter _writer = null!;

    public async Task InitializeAsync()
    {
        var options = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "station.db")}");
        var migrator = new DatabaseMigrator(options, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync(migrator.LatestVersion, TestTimeouts.Unexpected);
        _databases = new StationDbContextFactory(options);
        _writer = await RecordWriter.StartAsync(
            new RecordWriterOptions { StationId = "station-test", JournalDirectory = Path.Combine(_folder, "journal") },
            _databases, TimeProvider.System, NullLogger<RecordWriter>.Instance, TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task Run_PassedWithFuseBurn_IsRecordedCompletelyAndTheLedgerVerifies()
    {
        await using var station = new SimulatedStation(1, records: new RecordingRunEvents(_writer));
        var board = SimulatedStation.Board("recorded", "erase20106@1");

        var result = await station.ProvisionAsync("slot 1", board, SimulatedStation.SampleRecipe(), new FuseBurnApproval("APPROVAL-7", "engineer"));
        await _writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);

        Assert.Equal(RunOutcome.Passed, result.Outcome);
        await using var db = _databases.CreateDbContext();
        var start = await db.RunStarts.SingleAsync(r => r.RunId == result.RunId, TestTimeouts.Unexpected);
        Assert.Equal("SN-1", start.SerialNumber);
        Assert.Equal("rt1064-sample", start.RecipeName);
        var identified = await db.UnitIdentifications.SingleAsync(u => u.RunId == result.RunId, TestTimeouts.Unexpected);
        Assert.Equal(result.ChipUid, identified.ChipUid);
        var steps = await db.StepAttempts.Where(s => s.RunId == result.RunId).ToListAsync(TestTimeouts.Unexpected);
        var failedErase = Assert.Single(steps, s => s.StepName == "Erase" && s.Attempt == 1);
        Assert.Equal(20106L, failedErase.DeviceStatus);
        Assert.Contains(steps, s => s.StepName == "ConfigureMemory" && s.RetryReason != null);
        var intent = await db.FuseIntents.SingleAsync(i => i.RunId == result.RunId, TestTimeouts.Unexpected);
        Assert.Equal("APPROVAL-7", intent.ApprovalReference);
        var fuse = await db.FuseResults.SingleAsync(f => f.IntentId == intent.IntentId, TestTimeouts.Unexpected);
        Assert.True(fuse.Verified);
        var image = await db.ImageWrites.SingleAsync(i => i.RunId == result.RunId, TestTimeouts.Unexpected);
        Assert.Equal(image.ImageSha256, image.ReadBackSha256);
        var end = await db.RunEnds.SingleAsync(e => e.RunId == result.RunId, TestTimeouts.Unexpected);
        Assert.Equal(Data.Entities.RunOutcome.Passed, end.Outcome);
        var ledger = await new LedgerVerifier(_databases).VerifyAsync("station-test", null, TestTimeouts.Unexpected);
        Assert.True(ledger.IsIntact, ledger.FirstBreak?.ToString());
    }

    [Fact]
    public async Task NextRun_FuseIntentLeftWithoutResult_IsReReadAndResolved()
    {
        var queries = new Data.Queries.RecordQueries(_databases);
        await using var station = new SimulatedStation(1, records: new RecordingRunEvents(_writer), unresolvedFuseIntents: new RecordedFuseIntents(queries));
        var board = SimulatedStation.Board("crashed mid-burn", fuses: new Dictionary<int, uint> { [0x06] = 0x10 });
        var first = await station.ProvisionAsync("slot 1", board, SimulatedStation.SampleRecipe(), approval: null);
        // An earlier station died between storing an intent for CFG5 and storing its result.
        var crashed = _writer.StartRun(new RunStart("slot 1", "rt1064-sample", "1", new byte[32]));
        crashed.RecordUnitIdentified(first.ChipUid!, null, null);
        var intentId = await crashed.RecordFuseIntentAsync(new FuseIntent(0x06, "CFG5", 0x10, 0x10, 0x0), TestTimeouts.Unexpected);
        await _writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        Assert.True(await queries.HasUnresolvedFuseIntentAsync(first.ChipUid!, TestTimeouts.Unexpected));
        await station.Bus.UnplugAsync("1-1.1", TestTimeouts.Unexpected);

        var next = await station.ProvisionAsync("slot 1", board, SimulatedStation.SampleRecipe(), approval: null);
        await _writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);

        Assert.Equal(RunOutcome.Passed, next.Outcome);
        var resolved = Assert.Single(station.EventsOf<FuseIntentResolved>(next.RunId));
        Assert.Equal((intentId, 0x06u, 0x10u, true), (resolved.IntentId, resolved.Index, resolved.Value, resolved.Verified));
        Assert.False(await queries.HasUnresolvedFuseIntentAsync(first.ChipUid!, TestTimeouts.Unexpected));
        await using var db = _databases.CreateDbContext();
        var result = await db.FuseResults.SingleAsync(r => r.IntentId == intentId, TestTimeouts.Unexpected);
        Assert.Equal(Data.Entities.FuseOutcome.ReRead, result.Outcome);
        Assert.Equal(next.RunId, result.RunId);
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
