using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Data.Ledger;
using Station.Data.Recording;
using Station.Testing;

namespace Station.Data.Tests.Recording;

/// <summary>
/// A real PostgreSQL server (private to the test) is stopped in the middle of a delivery
/// transaction and started again: nothing is lost, nothing is doubled, and the order holds.
/// </summary>
public sealed class PostgresOutageTests
{
    [PostgresServerFact]
    public async Task Deliver_ServerStoppedMidBatchThenStarted_LosesNothingAndKeepsOrder()
    {
        var timeout = TestTimeouts.Unexpected;
        await using var server = await PostgresServer.StartAsync(timeout);
        await using var database = TestDatabase.ForPostgres(await server.CreateDatabaseAsync("station", timeout));
        await database.MigratedAsync();

        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commits = 0;
        var options = database.WriterOptions();
        await using var writer = await RecordWriter.StartAsync(
            new RecordWriterOptions
            {
                StationId = options.StationId,
                JournalDirectory = options.JournalDirectory,
                RetryDelayMin = options.RetryDelayMin,
                RetryDelayMax = options.RetryDelayMax,
                MaxDeliveryBatch = 7,
                BeforeDeliveryCommitAsync = async (_, cancellationToken) =>
                {
                    // The third batch's rows are inserted; the server goes down before COMMIT.
                    if (Interlocked.Increment(ref commits) == 3)
                    {
                        await server.StopAsync(cancellationToken);
                        stopped.TrySetResult();
                    }
                },
            },
            database.Factory, TimeProvider.System, NullLogger<RecordWriter>.Instance, timeout);

        var before = Task.Run(async () =>
        {
            for (var unit = 1; unit <= 20; unit++)
            {
                await SampleRun.RecordAsync(writer, unit);
            }
        });
        await stopped.Task.WaitAsync(timeout);
        await before.WaitAsync(timeout);

        // The server is down: the station keeps recording, into the journal.
        for (var unit = 21; unit <= 30; unit++)
        {
            await SampleRun.RecordAsync(writer, unit);
        }

        var down = writer.Status;
        Assert.Equal(1 + (30 * SampleRun.RecordsPerRun), down.DurableSequence);
        Assert.True(down.Undelivered > 0, "records wait in the journal while the server is down");
        Assert.True(down.DeliveredSequence <= 14, $"only two batches of 7 could be committed, got {down.DeliveredSequence}");

        await server.StartAgainAsync(timeout);
        await writer.WaitForDeliveryAsync(timeout);

        Assert.Equal(0, writer.Status.Undelivered);
        Assert.True(writer.Status.IsDatabaseReachable);
        Assert.True(Volatile.Read(ref commits) > 3, "the interrupted batch was delivered again");
        var verification = await new LedgerVerifier(database.Factory).VerifyAsync("station-01", writer.DurableHead, timeout);
        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        Assert.Equal(1 + (30 * SampleRun.RecordsPerRun), verification.RecordCount);
        await using var db = database.Factory.CreateDbContext();
        var serials = await db.RunStarts.OrderBy(r => r.Sequence).Select(r => r.SerialNumber).ToListAsync(timeout);
        Assert.Equal(Enumerable.Range(1, 30).Select(SampleRun.Serial), serials);
    }
}
