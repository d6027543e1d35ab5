using Microsoft.EntityFrameworkCore;
using Station.Core.Runs;
using Station.Core.Runs.Tests;
using Station.Data.Ledger;
using Station.Data.Recording;
using Station.Testing;

namespace Station.Core.Records.Tests;

/// <summary>A simulated run recorded into a real SQLite database through the recorder.</summary>
public sealed class RecordingRunEventsTests : IAsyncLifetime
{
    private RecordedSqlite _records = null!;

    public async Task InitializeAsync() => _records = await RecordedSqlite.StartAsync("station-test");

    [Fact]
    public async Task Run_PassedWithFuseBurn_IsRecordedCompletelyAndTheLedgerVerifies()
    {
        await using var station = new SimulatedStation(1, records: new RecordingRunEvents(_records.Writer));
        var board = SimulatedStation.Board("recorded", "erase20106@1");

        var result = await station.ProvisionAsync("slot 1", board, SimulatedStation.SampleRecipe(), new FuseBurnApproval("APPROVAL-7", "engineer"));
        await _records.Writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);

        Assert.Equal(RunOutcome.Passed, result.Outcome);
        await using var db = _records.Databases.CreateDbContext();
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
        var ledger = await new LedgerVerifier(_records.Databases).VerifyAsync("station-test", null, TestTimeouts.Unexpected);
        Assert.True(ledger.IsIntact, ledger.FirstBreak?.ToString());
    }

    [Fact]
    public async Task NextRun_FuseIntentLeftWithoutResult_IsReReadAndResolved()
    {
        var queries = new Data.Queries.RecordQueries(_records.Databases);
        await using var station = new SimulatedStation(1, records: new RecordingRunEvents(_records.Writer), unresolvedFuseIntents: new RecordedFuseIntents(queries));
        var board = SimulatedStation.Board("crashed mid-burn", fuses: new Dictionary<int, uint> { [0x06] = 0x10 });
        var first = await station.ProvisionAsync("slot 1", board, SimulatedStation.SampleRecipe(), approval: null);
        // An earlier station died between storing an intent for CFG5 and storing its result.
        var crashed = _records.Writer.StartRun(new RunStart("slot 1", "rt1064-sample", "1", new byte[32]));
        crashed.RecordUnitIdentified(first.ChipUid!, null, null);
        var intentId = await crashed.RecordFuseIntentAsync(new FuseIntent(0x06, "CFG5", 0x10, 0x10, 0x0), TestTimeouts.Unexpected);
        await _records.Writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        Assert.True(await queries.HasUnresolvedFuseIntentAsync(first.ChipUid!, TestTimeouts.Unexpected));
        await station.Bus.UnplugAsync("1-1.1", TestTimeouts.Unexpected);

        var next = await station.ProvisionAsync("slot 1", board, SimulatedStation.SampleRecipe(), approval: null);
        await _records.Writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);

        Assert.Equal(RunOutcome.Passed, next.Outcome);
        var resolved = Assert.Single(station.EventsOf<FuseIntentResolved>(next.RunId));
        Assert.Equal((intentId, 0x06u, 0x10u, true), (resolved.IntentId, resolved.Index, resolved.Value, resolved.Verified));
        Assert.False(await queries.HasUnresolvedFuseIntentAsync(first.ChipUid!, TestTimeouts.Unexpected));
        await using var db = _records.Databases.CreateDbContext();
        var result = await db.FuseResults.SingleAsync(r => r.IntentId == intentId, TestTimeouts.Unexpected);
        Assert.Equal(Data.Entities.FuseOutcome.ReRead, result.Outcome);
        Assert.Equal(next.RunId, result.RunId);
    }

    public async Task DisposeAsync() => await _records.DisposeAsync();
}
