using Microsoft.EntityFrameworkCore;
using Station.Data.Entities;
using Station.Data.Ledger;
using Station.Data.Queries;
using Station.Data.Recording;
using Station.Testing;

namespace Station.Data.Tests.Recording;

public sealed class RecordWriterTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Record_FullRuns_Sqlite_DeliversEveryRecordInOrderAndChainHolds()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await FullRunsDeliveredInOrderAsync(database);
    }

    [PostgresFact]
    public async Task Record_FullRuns_Postgres_DeliversEveryRecordInOrderAndChainHolds()
    {
        await using var database = await (await TestDatabase.PostgresAsync(postgres)).MigratedAsync();
        await FullRunsDeliveredInOrderAsync(database);
    }

    [Fact]
    public async Task Record_EveryField_Sqlite_ReadsBackAsWritten()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await EveryFieldRoundTripsAsync(database);
    }

    [PostgresFact]
    public async Task Record_EveryField_Postgres_ReadsBackAsWritten()
    {
        await using var database = await (await TestDatabase.PostgresAsync(postgres)).MigratedAsync();
        await EveryFieldRoundTripsAsync(database);
    }

    [Fact]
    public async Task StartAsync_SameJournalTwice_SecondIsRefused()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await using var first = await database.StartWriterAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.StartWriterAsync());
    }

    [Fact]
    public async Task StartAsync_AfterRestart_ContinuesTheSameChain()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await using (var writer = await database.StartWriterAsync())
        {
            await SampleRun.RecordAsync(writer, 1);
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        }

        await using (var writer = await database.StartWriterAsync())
        {
            await SampleRun.RecordAsync(writer, 2);
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        }

        var verification = await new LedgerVerifier(database.Factory).VerifyAsync("station-01", null, TestTimeouts.Unexpected);
        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        Assert.Equal(2 + (2 * SampleRun.RecordsPerRun), verification.RecordCount);
    }

    [Fact]
    public async Task StartAsync_NewJournalFolder_ContinuesAfterTheDatabaseHead()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await using (var writer = await database.StartWriterAsync())
        {
            await SampleRun.RecordAsync(writer, 1);
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        }

        // The station's disk was replaced: a new, empty journal folder. The chain continues from the database.
        await using (var writer = await database.StartWriterAsync(database.WriterOptions(journal: Path.Combine(database.Folder, "journal-2"))))
        {
            await SampleRun.RecordAsync(writer, 2);
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        }

        var verification = await new LedgerVerifier(database.Factory).VerifyAsync("station-01", null, TestTimeouts.Unexpected);
        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        Assert.Equal(2 + (2 * SampleRun.RecordsPerRun), verification.RecordCount);
    }

    [Fact]
    public async Task Record_TwoStationsOneDatabase_EachHasItsOwnIntactChain()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await using (var a = await database.StartWriterAsync(database.WriterOptions("station-a", Path.Combine(database.Folder, "a"))))
        await using (var b = await database.StartWriterAsync(database.WriterOptions("station-b", Path.Combine(database.Folder, "b"))))
        {
            await Task.WhenAll(SampleRun.RecordAsync(a, 1), SampleRun.RecordAsync(b, 2), SampleRun.RecordAsync(a, 3));
            await Task.WhenAll(a.WaitForDeliveryAsync(TestTimeouts.Unexpected), b.WaitForDeliveryAsync(TestTimeouts.Unexpected));
        }

        var results = await new LedgerVerifier(database.Factory).VerifyAllAsync(TestTimeouts.Unexpected);
        Assert.Equal(["station-a", "station-b"], results.Select(r => r.StationId));
        Assert.All(results, r => Assert.True(r.IsIntact, r.FirstBreak?.ToString()));
        Assert.Equal([1 + (2 * SampleRun.RecordsPerRun), 1 + SampleRun.RecordsPerRun], results.Select(r => r.RecordCount));
    }

    [Fact]
    public async Task Record_DatabaseUnreachable_Sqlite_JournalKeepsRecordsAndDeliversThemInOrderLater()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await using (var writer = await database.StartWriterAsync())
        {
            await SampleRun.RecordAsync(writer, 1);
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        }

        // The database is away (its folder vanished, say a dropped share): recording goes on into the journal.
        var away = new StationDbContextFactory(new DatabaseOptions(
            DatabaseProvider.Sqlite, $"Data Source={Path.Combine(database.Folder, "gone", "station.db")};Mode=ReadWrite"));
        var options = database.WriterOptions();
        await using (var writer = await RecordWriter.StartAsync(
            new RecordWriterOptions
            {
                StationId = options.StationId,
                JournalDirectory = options.JournalDirectory,
                RetryDelayMin = options.RetryDelayMin,
                RetryDelayMax = options.RetryDelayMax,
                ShutdownDeliveryTimeout = TimeSpan.FromMilliseconds(100),
            },
            away, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<RecordWriter>.Instance, TestTimeouts.Unexpected))
        {
            for (var unit = 2; unit <= 6; unit++)
            {
                await SampleRun.RecordAsync(writer, unit); // returns: every run's end is durable in the journal
            }

            Assert.Equal(1 + SampleRun.RecordsPerRun + 1 + (5 * SampleRun.RecordsPerRun), writer.DurableHead?.Sequence);
            Assert.Equal(0, writer.Status.DeliveredSequence);
        }

        await using (var writer = await database.StartWriterAsync())
        {
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        }

        var verification = await new LedgerVerifier(database.Factory).VerifyAsync("station-01", null, TestTimeouts.Unexpected);
        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        Assert.Equal(3 + (6 * SampleRun.RecordsPerRun), verification.RecordCount);
        await using var db = database.Factory.CreateDbContext();
        var serials = await db.RunStarts.OrderBy(r => r.Sequence).Select(r => r.SerialNumber).ToListAsync(TestTimeouts.Unexpected);
        Assert.Equal(Enumerable.Range(1, 6).Select(SampleRun.Serial), serials);
        Assert.Equal(6, await db.RunEnds.CountAsync(e => e.Outcome == RunOutcome.Passed, TestTimeouts.Unexpected));
    }

    [Fact]
    public async Task RunRecorder_AfterEnd_RefusesMoreRecords()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await using var writer = await database.StartWriterAsync();
        var run = await SampleRun.RecordAsync(writer, 1);

        Assert.Throws<InvalidOperationException>(() => run.RecordLog("information", "late"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => run.EndAsync(new RunEnd(RunOutcome.Passed, 1), TestTimeouts.Unexpected));
    }

    [Fact]
    public async Task RunRecorder_FuseIntentBeforeIdentification_Throws()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await using var writer = await database.StartWriterAsync();
        var run = writer.StartRun(new RunStart("slot-1", "recipe", "1", SampleRun.Sha("r")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => run.RecordFuseIntentAsync(new FuseIntent(1, "X", 1, 1, 0), TestTimeouts.Unexpected));
    }

    [Fact]
    public async Task Record_InvalidInput_IsRefusedAtTheCallNotInTheQueue()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await using var writer = await database.StartWriterAsync();

        Assert.Throws<ArgumentException>(() => writer.StartRun(new RunStart(new string('s', 65), "recipe", "1", SampleRun.Sha("r"))));
        Assert.Throws<ArgumentException>(() => writer.StartRun(new RunStart("slot", "recipe", "1", new byte[31])));
        var run = SampleRun.StartAndIdentify(writer, 1);
        Assert.Throws<ArgumentException>(() => run.RecordImageWrite(new ImageWrite("", 0, 1, SampleRun.Sha("i"))));
        Assert.Throws<ArgumentOutOfRangeException>(() => run.RecordStepAttempt(new StepAttempt("s", 0, SampleRun.Start, SampleRun.Start, StepResult.Passed)));
    }

    [Fact]
    public async Task RecordLog_TextPostgresCannotStore_IsCleanedAndStillVerifies()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await using (var writer = await database.StartWriterAsync())
        {
            var run = SampleRun.StartAndIdentify(writer, 1);
            run.RecordLog("warning", "NUL \0 and a lone surrogate \ud800 and " + new string('x', 20_000));
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        }

        await using var db = database.Factory.CreateDbContext();
        var line = await db.LogLines.SingleAsync(TestTimeouts.Unexpected);
        Assert.StartsWith("NUL \uFFFD and a lone surrogate \uFFFD and xxx", line.Message, StringComparison.Ordinal);
        Assert.Equal(16_384, line.Message.Length);
        var verification = await new LedgerVerifier(database.Factory).VerifyAsync("station-01", null, TestTimeouts.Unexpected);
        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
    }

    private static async Task FullRunsDeliveredInOrderAsync(TestDatabase database)
    {
        const int Runs = 20;
        await using (var writer = await database.StartWriterAsync())
        {
            await Task.WhenAll(Enumerable.Range(0, Runs).Select(i => SampleRun.RecordAsync(writer, i, $"slot-{i % 4}")));
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
            Assert.Equal(0, writer.Status.Undelivered);
            Assert.True(writer.Status.IsDatabaseReachable);
        }

        var verification = await new LedgerVerifier(database.Factory).VerifyAsync("station-01", null, TestTimeouts.Unexpected);
        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        Assert.Equal(1 + (Runs * SampleRun.RecordsPerRun), verification.RecordCount);

        await using var db = database.Factory.CreateDbContext();
        Assert.Equal(Runs, await db.RunStarts.CountAsync(TestTimeouts.Unexpected));
        Assert.Equal(Runs, await db.RunEnds.CountAsync(e => e.Outcome == RunOutcome.Passed, TestTimeouts.Unexpected));

        // Per run, the order recorded is the order of the chain: start, identity, steps…, end.
        foreach (var start in await db.RunStarts.ToListAsync(TestTimeouts.Unexpected))
        {
            var end = await db.RunEnds.SingleAsync(e => e.RunId == start.RunId, TestTimeouts.Unexpected);
            var steps = await db.StepAttempts.Where(s => s.RunId == start.RunId).OrderBy(s => s.Sequence).ToListAsync(TestTimeouts.Unexpected);
            Assert.Equal(["sdp-load", "flash-erase", "flash-erase"], steps.Select(s => s.StepName));
            Assert.All(steps, s => Assert.InRange(s.Sequence, start.Sequence, end.Sequence));
        }

        Assert.Empty(await new RecordQueries(database.Factory).GetOpenRunsAsync("station-01", TestTimeouts.Unexpected));
    }

    private static async Task EveryFieldRoundTripsAsync(TestDatabase database)
    {
        await using (var writer = await database.StartWriterAsync())
        {
            await SampleRun.RecordAsync(writer, 42, "slot-7", RunOutcome.Quarantined);
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        }

        await using var db = database.Factory.CreateDbContext();
        var session = await db.StationSessions.SingleAsync(TestTimeouts.Unexpected);
        Assert.Equal(("1.2.3-test", "test-host", 1L), (session.ToolVersion, session.HostName, session.Sequence));
        Assert.Equal(DateTimeKind.Utc, session.RecordedAt.Kind);

        var start = await db.RunStarts.SingleAsync(TestTimeouts.Unexpected);
        Assert.Equal(("slot-7", "operator-a", "rt1064-evk", "7", "ivt_flashloader 1.0", "1.2.3-test", "SN-000042"),
            (start.Slot, start.Operator, start.RecipeName, start.RecipeVersion, start.FlashloaderVersion, start.ToolVersion, start.SerialNumber));
        Assert.Equal(SampleRun.Sha("recipe"), start.RecipeSha256);
        Assert.Equal(session.SessionId, start.SessionId);

        var unit = await db.UnitIdentifications.SingleAsync(TestTimeouts.Unexpected);
        Assert.Equal((start.RunId, SampleRun.ChipUid(42), "SN-000042", "K3.1.0"), (unit.RunId, unit.ChipUid, unit.SerialNumber, unit.FlashloaderVersion));

        var failed = await db.StepAttempts.SingleAsync(s => s.Result == StepResult.Failed, TestTimeouts.Unexpected);
        Assert.Equal(("flash-erase", 1, 20106L, "erase failed"), (failed.StepName, failed.Attempt, failed.DeviceStatus, failed.Message));
        Assert.Equal("kStatus_FlexSPINOR_CommandFailure: retry after re-configure", failed.RetryReason);
        Assert.Equal(SampleRun.Start.AddSeconds(1).UtcDateTime, failed.StartedAt);
        Assert.Equal(SampleRun.Start.AddSeconds(2).UtcDateTime, failed.EndedAt);

        var image = await db.ImageWrites.SingleAsync(TestTimeouts.Unexpected);
        Assert.Equal(("flexspi-nor", 0x6000_0000L, 123_456L), (image.Memory, image.Address, image.Length));
        Assert.Equal(SampleRun.Sha("image"), image.ImageSha256);
        Assert.Equal(SampleRun.Sha("image"), image.ReadBackSha256);

        var intent = await db.FuseIntents.SingleAsync(TestTimeouts.Unexpected);
        Assert.Equal((0x18, "SRK0", 0xDEAD_BEEFL, 0xFFFF_FFFFL, 0L, "APPROVAL-7", SampleRun.ChipUid(42)),
            (intent.FuseIndex, intent.FuseName, intent.RequestedValue, intent.Mask, intent.ValueBefore, intent.ApprovalReference, intent.ChipUid));
        var result = await db.FuseResults.SingleAsync(TestTimeouts.Unexpected);
        Assert.Equal((intent.IntentId, FuseOutcome.Burned, 0xDEAD_BEEFL, true), (result.IntentId, result.Outcome, result.ValueAfter, result.Verified));
        Assert.True(result.Sequence > intent.Sequence);

        var log = await db.LogLines.SingleAsync(TestTimeouts.Unexpected);
        Assert.Equal((start.RunId, "information", "unit 42 provisioned"), (log.RunId, log.Level, log.Message));

        var end = await db.RunEnds.SingleAsync(TestTimeouts.Unexpected);
        Assert.Equal((RunOutcome.Quarantined, "device-permanent", 4), (end.Outcome, end.FailureClass, end.Attempts));

        // What came back from the database hashes to what the writer hashed.
        var verification = await new LedgerVerifier(database.Factory).VerifyAsync("station-01", null, TestTimeouts.Unexpected);
        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
    }
}
