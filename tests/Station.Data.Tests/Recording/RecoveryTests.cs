using Microsoft.EntityFrameworkCore;
using Station.Data.Entities;
using Station.Data.Ledger;
using Station.Data.Queries;
using Station.Data.Recording;
using Station.Testing;

namespace Station.Data.Tests.Recording;

/// <summary>Start-up recovery: runs left open by an earlier session end as interrupted; fuse intents stay flagged.</summary>
public sealed class RecoveryTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Start_AfterAStopMidRun_Sqlite_InterruptsOpenRunsAndFlagsTheFuseIntent()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await RecoverAsync(database);
    }

    [PostgresFact]
    public async Task Start_AfterAStopMidRun_Postgres_InterruptsOpenRunsAndFlagsTheFuseIntent()
    {
        await using var database = await (await TestDatabase.PostgresAsync(postgres)).MigratedAsync();
        await RecoverAsync(database);
    }

    private static async Task RecoverAsync(TestDatabase database)
    {
        var queries = new RecordQueries(database.Factory);
        Guid midBurn, justStarted, finished;
        string chipUid;
        await using (var writer = await database.StartWriterAsync())
        {
            // The station stops while a fuse word is between intent and result, and while another run has just begun.
            var run = SampleRun.StartAndIdentify(writer, 7, "slot-1");
            run.RecordStepAttempt(new StepAttempt("fuse-plan", 1, SampleRun.Start, SampleRun.Start, StepResult.Passed));
            await run.RecordFuseIntentAsync(new FuseIntent(0x2D, "SEC_CONFIG1", 0x2, 0x2, 0) { ApprovalReference = "A-1" }, TestTimeouts.Unexpected);
            (midBurn, chipUid) = (run.RunId, run.ChipUid!);
            justStarted = writer.StartRun(new RunStart("slot-2", "rt1064-evk", "7", SampleRun.Sha("recipe"))).RunId;
            finished = (await SampleRun.RecordAsync(writer, 8, "slot-3")).RunId;
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        }

        Assert.Equal([midBurn, justStarted], await queries.GetOpenRunsAsync("station-01", TestTimeouts.Unexpected));
        Assert.True(await queries.HasUnresolvedFuseIntentAsync(chipUid, TestTimeouts.Unexpected));

        Guid current;
        await using (var writer = await database.StartWriterAsync())
        {
            current = writer.StartRun(new RunStart("slot-4", "rt1064-evk", "7", SampleRun.Sha("recipe"))).RunId; // this session's own run
            var report = await writer.Recovery.WaitAsync(TestTimeouts.Unexpected);
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);

            Assert.Equal([midBurn, justStarted], report.InterruptedRuns.Select(r => r.RunId));
            Assert.Equal(1, report.UnresolvedFuseIntents);
            Assert.Equal(chipUid, report.InterruptedRuns[0].ChipUid);
            Assert.Empty(report.InterruptedRuns[1].UnresolvedFuseIntents);
        }

        await using (var db = database.Factory.CreateDbContext())
        {
            var ends = await db.RunEnds.Where(e => e.RunId == midBurn || e.RunId == justStarted).OrderBy(e => e.Sequence).ToListAsync(TestTimeouts.Unexpected);
            Assert.Equal([midBurn, justStarted], ends.Select(e => e.RunId));
            Assert.All(ends, e => Assert.Equal((RunOutcome.Interrupted, "interrupted"), (e.Outcome, e.FailureClass)));
            Assert.Equal(1, ends[0].Attempts);
            Assert.Contains("45 SEC_CONFIG1", ends[0].Message, StringComparison.Ordinal);
            Assert.Equal(RunOutcome.Passed, (await db.RunEnds.SingleAsync(e => e.RunId == finished, TestTimeouts.Unexpected)).Outcome);
        }

        // Only this session's own run is open; the unit's intent is still flagged for its next run.
        Assert.Equal([current], await queries.GetOpenRunsAsync("station-01", TestTimeouts.Unexpected));
        var unresolved = Assert.Single(await queries.GetUnresolvedFuseIntentsAsync(chipUid, TestTimeouts.Unexpected));
        Assert.Equal((midBurn, 0x2D, "SEC_CONFIG1", 2u, 2u, 0u), (unresolved.RunId, unresolved.FuseIndex, unresolved.FuseName, unresolved.RequestedValue, unresolved.Mask, unresolved.ValueBefore));

        // The unit's next run (at any station) re-reads the word and resolves the intent.
        await using (var writer = await database.StartWriterAsync(database.WriterOptions("station-02", Path.Combine(database.Folder, "other"))))
        {
            var next = SampleRun.StartAndIdentify(writer, 7, "slot-1");
            next.RecordFuseResult(new FuseResult(unresolved.IntentId, unresolved.FuseIndex, FuseOutcome.ReRead, Verified: true) { ValueAfter = 0x2 });
            await next.EndAsync(new RunEnd(RunOutcome.Passed, 1), TestTimeouts.Unexpected);
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        }

        Assert.False(await queries.HasUnresolvedFuseIntentAsync(chipUid, TestTimeouts.Unexpected));
        var verification = await new LedgerVerifier(database.Factory).VerifyAllAsync(TestTimeouts.Unexpected);
        Assert.All(verification, v => Assert.True(v.IsIntact, v.FirstBreak?.ToString()));
    }
}
