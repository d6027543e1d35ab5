using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Data.Entities;
using Station.Data.Ledger;
using Station.Data.Recording;
using Station.Testing;

namespace Station.Data.Tests.Recording;

/// <summary>
/// The delivery loop: the linger that puts a unit recorded in a burst into one transaction, the
/// durable calls that never wait for the database, and a batch the database refuses half-way.
/// </summary>
public sealed class DeliveryTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private static readonly string[] Tables =
        ["station_sessions", "run_starts", "unit_identifications", "step_attempts", "fuse_intents", "fuse_results", "image_writes", "log_lines", "run_ends"];

    [Fact]
    public async Task Deliver_UnitRecordedInABurst_Sqlite_GoesInOneTransactionAfterTheLinger()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await OneTransactionPerBurstAsync(database);
    }

    [PostgresFact]
    public async Task Deliver_UnitRecordedInABurst_Postgres_GoesInOneTransactionAfterTheLinger()
    {
        await using var database = await (await TestDatabase.PostgresAsync(postgres)).MigratedAsync();
        await OneTransactionPerBurstAsync(database);
    }

    [Fact]
    public async Task Record_DeliveryTransactionHangs_Sqlite_DurableCallsStillReturn()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await DurableWithoutTheDatabaseAsync(database);
    }

    [PostgresFact]
    public async Task Record_DeliveryTransactionHangs_Postgres_DurableCallsStillReturn()
    {
        await using var database = await (await TestDatabase.PostgresAsync(postgres)).MigratedAsync();
        await DurableWithoutTheDatabaseAsync(database);
    }

    [Fact]
    public async Task WaitForDelivery_WhileLingering_DeliversWithoutWaitingForTheLinger()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        var time = new FakeTimeProvider();
        var batches = new ConcurrentQueue<long[]>();
        await using var writer = await RecordWriter.StartAsync(
            Options(database, TimeSpan.FromMinutes(1), batches), database.Factory, time, NullLogger<RecordWriter>.Instance, TestTimeouts.Unexpected);
        await SampleRun.RecordAsync(writer, 1);

        // The clock never moves: only the waiter can have cut the minute's linger short.
        await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);

        Assert.Equal(1 + SampleRun.RecordsPerRun, writer.Status.DeliveredSequence);
        Assert.Equal(1 + SampleRun.RecordsPerRun, await CountAllAsync(database));
        Assert.Equal(Enumerable.Range(1, 1 + SampleRun.RecordsPerRun).Select(i => (long)i), batches.SelectMany(b => b));
    }

    [Fact]
    public async Task Deliver_FullBatch_DoesNotLinger()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        var time = new FakeTimeProvider();
        var batches = new ConcurrentQueue<long[]>();
        var twoBatches = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = Options(database, TimeSpan.FromMinutes(1), batches, maxBatch: 5, onBatch: last =>
        {
            if (last == 10)
            {
                twoBatches.TrySetResult();
            }
        });
        await using var writer = await RecordWriter.StartAsync(options, database.Factory, time, NullLogger<RecordWriter>.Instance, TestTimeouts.Unexpected);
        await SampleRun.RecordAsync(writer, 1);

        // Full batches go at once; the eleventh record lingers (the clock never moves) until someone waits.
        await twoBatches.Task.WaitAsync(TestTimeouts.Unexpected);
        Assert.Equal(new long[][] { [1, 2, 3, 4, 5], [6, 7, 8, 9, 10] }, batches.ToArray());
        await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        Assert.Equal(new long[][] { [1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11] }, batches.ToArray());
    }

    [Fact]
    public async Task Deliver_DatabaseRefusesARowMidBatch_Sqlite_KeepsNothingOfTheBatchAndDeliversItLaterInOrder()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await database.ExecuteAsync("CREATE TABLE fail_control (sequence INTEGER NOT NULL)");
        await database.ExecuteAsync(
            "CREATE TRIGGER step_attempts_refuse BEFORE INSERT ON step_attempts " +
            "WHEN NEW.sequence >= (SELECT min(sequence) FROM fail_control) " +
            "BEGIN SELECT RAISE(ABORT, 'injected failure: row refused'); END");
        await RefusedMidBatchAsync(database);
    }

    [PostgresFact]
    public async Task Deliver_DatabaseRefusesARowMidBatch_Postgres_KeepsNothingOfTheBatchAndDeliversItLaterInOrder()
    {
        await using var database = await (await TestDatabase.PostgresAsync(postgres)).MigratedAsync();
        await database.ExecuteAsync("CREATE TABLE fail_control (sequence bigint NOT NULL)");
        await database.ExecuteAsync(
            "CREATE FUNCTION refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
            "IF NEW.sequence >= (SELECT min(sequence) FROM fail_control) THEN RAISE EXCEPTION 'injected failure: row % refused', NEW.sequence; END IF; " +
            "RETURN NEW; END $$");
        await database.ExecuteAsync("CREATE TRIGGER step_attempts_refuse BEFORE INSERT ON step_attempts FOR EACH ROW EXECUTE FUNCTION refuse_row()");
        await RefusedMidBatchAsync(database);
    }

    private static async Task OneTransactionPerBurstAsync(TestDatabase database)
    {
        var time = new FakeTimeProvider();
        var batches = new ConcurrentQueue<long[]>();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = Options(database, TimeSpan.FromMilliseconds(250), batches, onBatch: last =>
        {
            if (last >= 1 + SampleRun.RecordsPerRun)
            {
                delivered.TrySetResult();
            }
        });
        await using var writer = await RecordWriter.StartAsync(options, database.Factory, time, NullLogger<RecordWriter>.Instance, TestTimeouts.Unexpected);

        // A unit in a burst; its fuse intent and its end are awaited, as Core awaits them.
        await SampleRun.RecordAsync(writer, 1);

        // Both durable calls returned with the records in the journal only: nothing is in the
        // database (the linger has not passed on this clock), so they did not wait for it.
        Assert.Equal(1 + SampleRun.RecordsPerRun, writer.Status.DurableSequence);
        Assert.Equal(0, writer.Status.DeliveredSequence);
        Assert.Empty(batches);
        Assert.Equal(0, await CountAllAsync(database));

        time.Advance(TimeSpan.FromMilliseconds(250));
        await delivered.Task.WaitAsync(TestTimeouts.Unexpected);

        // One transaction: the session record and the whole unit, the fuse intent's wake-up notwithstanding.
        var batch = Assert.Single(batches);
        Assert.Equal(Enumerable.Range(1, 1 + SampleRun.RecordsPerRun).Select(i => (long)i), batch);
        await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        Assert.Single(batches);
        Assert.Equal(1 + SampleRun.RecordsPerRun, await CountAllAsync(database));
    }

    private static async Task DurableWithoutTheDatabaseAsync(TestDatabase database)
    {
        var inTransaction = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var defaults = database.WriterOptions();
        var options = new RecordWriterOptions
        {
            StationId = defaults.StationId,
            JournalDirectory = defaults.JournalDirectory,
            RetryDelayMin = defaults.RetryDelayMin,
            RetryDelayMax = defaults.RetryDelayMax,
            DeliveryLinger = TimeSpan.Zero,
            BeforeDeliveryCommitAsync = async (_, cancellationToken) =>
            {
                // The first delivery transaction (the session record) hangs before its COMMIT.
                inTransaction.TrySetResult();
                await release.Task.WaitAsync(cancellationToken);
            },
        };
        await using var writer = await database.StartWriterAsync(options);
        await inTransaction.Task.WaitAsync(TestTimeouts.Unexpected);

        // A whole unit, awaiting its fuse intent and its end, while the database sits in that transaction.
        await SampleRun.RecordAsync(writer, 1);

        Assert.Equal(1 + SampleRun.RecordsPerRun, writer.Status.DurableSequence);
        Assert.Equal(0, writer.Status.DeliveredSequence);
        release.SetResult();
        await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        var verification = await new LedgerVerifier(database.Factory).VerifyAsync("station-01", writer.DurableHead, TestTimeouts.Unexpected);
        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        Assert.Equal(1 + SampleRun.RecordsPerRun, verification.RecordCount);
    }

    private static async Task RefusedMidBatchAsync(TestDatabase database)
    {
        const int Runs = 4;

        // The first session reaches the database; then the database is away while four runs are
        // recorded, so they wait in the journal and go in as one backlog batch.
        await using (var writer = await database.StartWriterAsync())
        {
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        }

        var away = new StationDbContextFactory(new DatabaseOptions(
            DatabaseProvider.Sqlite, $"Data Source={Path.Combine(database.Folder, "gone", "station.db")};Mode=ReadWrite"));
        var defaults = database.WriterOptions();
        await using (var writer = await RecordWriter.StartAsync(
            new RecordWriterOptions
            {
                StationId = defaults.StationId,
                JournalDirectory = defaults.JournalDirectory,
                RetryDelayMin = defaults.RetryDelayMin,
                RetryDelayMax = defaults.RetryDelayMax,
                ShutdownDeliveryTimeout = TimeSpan.FromMilliseconds(100),
            },
            away, TimeProvider.System, NullLogger<RecordWriter>.Instance, TestTimeouts.Unexpected))
        {
            for (var unit = 1; unit <= Runs; unit++)
            {
                await SampleRun.RecordAsync(writer, unit);
            }
        }

        // The database refuses the first step attempt from sequence 20 on: the middle of the batch.
        await database.ExecuteAsync("INSERT INTO fail_control (sequence) VALUES (20)");
        var failed = new EventSignal<RecordWriter>(EventIds.DeliveryFailed);
        await using (var writer = await RecordWriter.StartAsync(
            defaults, database.Factory, TimeProvider.System, failed, TestTimeouts.Unexpected))
        {
            var exception = await failed.Logged.WaitAsync(TestTimeouts.Unexpected);
            Assert.Contains("injected failure", exception?.Message, StringComparison.Ordinal);

            // Nothing of the refused batch is kept, not even the rows inserted before the refused one.
            Assert.Equal(1, await CountAllAsync(database));
            Assert.Equal(1, writer.Status.DeliveredSequence);

            await database.ExecuteAsync("DELETE FROM fail_control");
            await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
            Assert.True(writer.Status.IsDatabaseReachable);

            // Everything once, in order, and the chain holds up to the journal's head.
            var total = 1 + 1 + (Runs * SampleRun.RecordsPerRun) + 1;
            Assert.Equal(total, await CountAllAsync(database));
            var verification = await new LedgerVerifier(database.Factory).VerifyAsync("station-01", writer.DurableHead, TestTimeouts.Unexpected);
            Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
            Assert.Equal(total, verification.RecordCount);
        }

        await using var db = database.Factory.CreateDbContext();
        var serials = await db.RunStarts.OrderBy(r => r.Sequence).Select(r => r.SerialNumber).ToListAsync(TestTimeouts.Unexpected);
        Assert.Equal(Enumerable.Range(1, Runs).Select(SampleRun.Serial), serials);
        Assert.Equal(Runs, await db.RunEnds.CountAsync(e => e.Outcome == RunOutcome.Passed, TestTimeouts.Unexpected));
    }

    private static RecordWriterOptions Options(
        TestDatabase database, TimeSpan linger, ConcurrentQueue<long[]> batches, int maxBatch = 1_000, Action<long>? onBatch = null)
    {
        var defaults = database.WriterOptions();
        return new RecordWriterOptions
        {
            StationId = defaults.StationId,
            JournalDirectory = defaults.JournalDirectory,
            ToolVersion = defaults.ToolVersion,
            HostName = defaults.HostName,
            RetryDelayMin = defaults.RetryDelayMin,
            RetryDelayMax = defaults.RetryDelayMax,
            DeliveryLinger = linger,
            MaxDeliveryBatch = maxBatch,
            BeforeDeliveryCommitAsync = (records, _) =>
            {
                batches.Enqueue([.. records.Select(r => r.Sequence)]);
                onBatch?.Invoke(records[^1].Sequence);
                return Task.CompletedTask;
            },
        };
    }

    private static async Task<long> CountAllAsync(TestDatabase database) =>
        await database.CountAsync("SELECT " + string.Join(" + ", Tables.Select(t => $"(SELECT count(*) FROM {t})")));
}
