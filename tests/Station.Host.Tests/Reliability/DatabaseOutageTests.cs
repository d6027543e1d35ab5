using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Station.Core.Runs;
using Station.Data;
using Station.Data.Ledger;
using Station.Testing;
using Xunit.Abstractions;

namespace Station.Host.Tests.Reliability;

/// <summary>
/// Issue 8, "PostgreSQL stopped for 60 s mid-batch": the station service (in-process, the real
/// composition) provisions simulated boards in auto mode on four slots, recording into a private
/// PostgreSQL server, which is stopped at once (<c>pg_ctl -m immediate</c>: open connections and
/// a delivery transaction in flight break) in the middle of the production, kept down for 60 s
/// (STATION_OUTAGE_SECONDS), and started again. The station keeps provisioning throughout (its
/// runs wait only for the local journal); when the server is back the journal drains, in order:
/// every record of the station is delivered in sequence order (the PostgreSQL transaction id of
/// each row never goes down as the sequence goes up), every run announced as ended is recorded as
/// announced, every run has its end, and the ledger verifies against the journal's head.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private const string StationName = "outage station";
    private const int Slots = 4;

    private static readonly string[] LedgerTables =
        ["station_sessions", "run_starts", "unit_identifications", "step_attempts", "fuse_intents", "fuse_results", "image_writes", "log_lines", "run_ends"];

    [PostgresServerFact]
    public async Task PostgresStopped60Seconds_WhileProvisioning_StationKeepsProvisioningAndTheJournalDrainsInOrder()
    {
        var outage = TimeSpan.FromSeconds(Environment.GetEnvironmentVariable("STATION_OUTAGE_SECONDS") is { Length: > 0 } seconds
            ? double.Parse(seconds, CultureInfo.InvariantCulture)
            : 60);
        await using var server = await PostgresServer.StartAsync(TestTimeouts.Unexpected);
        var connectionString = await server.CreateDatabaseAsync("station", TestTimeouts.Unexpected);
        using var host = new TestStation(new Dictionary<string, string?>
        {
            ["Station:Name"] = StationName,
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Station"] = connectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["Devices:Simulator:Boards"] = Slots.ToString(CultureInfo.InvariantCulture),
            ["Devices:Simulator:TimeScale"] = "0.1",
            ["Devices:Simulator:PlugAtStart"] = "true",
            ["Devices:Simulator:ReplugAfter"] = "00:00:00.100",
        });

        // Every run the engine reports ended: it reports only once the end is in the journal.
        var ended = Channel.CreateUnbounded<RunResult>();
        var announced = new List<RunResult>();
        var engine = host.Runtime.Engine;
        engine.RunCompleted += (_, result) => ended.Writer.TryWrite(result);
        var writer = host.Runtime.Writer;

        // Provisioning with the database up, then the server is stopped in the middle of it.
        await NextRunsAsync(ended, announced, 2 * Slots, TestTimeouts.Unexpected);
        var deliveredBefore = writer.Status.DeliveredSequence;
        await server.StopAsync(TestTimeouts.Unexpected);
        var stoppedAt = Stopwatch.GetTimestamp();
        var beforeOutage = announced.Count;

        // Down for the whole outage: the station goes on provisioning (the wait is on its runs ending).
        using (var down = new CancellationTokenSource(outage + TestTimeouts.UnexpectedDuration))
        {
            while (Stopwatch.GetElapsedTime(stoppedAt) < outage)
            {
                await NextRunsAsync(ended, announced, 1, down.Token);
            }
        }

        var duringOutage = announced.Skip(beforeOutage).ToList();
        var downStatus = writer.Status;
        output.WriteLine($"outage {outage.TotalSeconds:0} s: {duringOutage.Count} runs ended meanwhile ({string.Join(", ", duringOutage.GroupBy(r => r.Outcome).Select(g => $"{g.Key} {g.Count()}"))}); "
            + $"journal ahead of the database by {downStatus.Undelivered} records; last delivery error: {downStatus.LastDeliveryError}");
        Assert.True(duringOutage.Count >= 4 * Slots, $"the station provisioned only {duringOutage.Count} units in {outage.TotalSeconds} s without its database");
        Assert.All(duringOutage, r => Assert.True(r.Outcome == RunOutcome.Passed, $"run {r.RunId} on {r.Slot}: {r.Outcome} {r.Failure} at {r.FailedStep}: {r.Reason}"));
        Assert.False(downStatus.IsDatabaseReachable);
        Assert.True(downStatus.Undelivered > 0);

        // The server comes back: the backlog drains while the station goes on.
        await server.StartAgainAsync(TestTimeouts.Unexpected);
        var restartedAt = Stopwatch.GetTimestamp();
        using (var drain = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await writer.WaitForDeliveryAsync(drain.Token);
        }

        var drainTime = Stopwatch.GetElapsedTime(restartedAt);
        await NextRunsAsync(ended, announced, Slots, TestTimeouts.Unexpected);

        // The line stops: no new runs; the ones under way finish; everything reaches the database.
        engine.AutoMode = false;
        foreach (var slot in engine.Slots)
        {
            while (engine.CurrentRun(slot.Name) is not null)
            {
                await NextRunsAsync(ended, announced, 1, TestTimeouts.Unexpected);
            }
        }

        while (ended.Reader.TryRead(out var late))
        {
            announced.Add(late);
        }

        await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        await host.Runtime.WaitForRunRequestsAsync(TestTimeouts.Unexpected);
        var head = writer.DurableHead;
        Assert.NotNull(head);

        var databases = new StationDbContextFactory(new DatabaseOptions(DatabaseProvider.Postgres, connectionString));
        var ledger = await new LedgerVerifier(databases).VerifyAsync(StationName, head, TestTimeouts.Unexpected);
        Assert.True(ledger.IsIntact, ledger.FirstBreak?.ToString());
        Assert.Equal(head.Sequence, ledger.RecordCount);

        // In order: the transaction that delivered each record never goes down as its sequence goes up.
        var rows = await DeliveryTransactionsAsync(connectionString, TestTimeouts.Unexpected);
        Assert.Equal(Enumerable.Range(1, (int)head.Sequence).Select(s => (long)s), rows.Select(r => r.Sequence));
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i].Transaction >= rows[i - 1].Transaction, $"record {rows[i].Sequence} was delivered before record {rows[i - 1].Sequence}");
        }

        var transactionsAfter = rows.Where(r => r.Sequence > deliveredBefore).Select(r => r.Transaction).Distinct().Count();

        // Nothing lost: every run announced is recorded as announced, and every run has its end.
        await using var db = databases.CreateDbContext();
        var ends = await db.RunEnds.ToDictionaryAsync(e => e.RunId, TestTimeouts.Unexpected);
        var starts = await db.RunStarts.Select(s => s.RunId).ToListAsync(TestTimeouts.Unexpected);
        Assert.All(announced, r =>
        {
            Assert.True(ends.TryGetValue(r.RunId, out var end), $"run {r.RunId} ended {r.Outcome} and is not in the records");
            Assert.Equal(r.Outcome.ToString(), end!.Outcome.ToString());
        });
        Assert.Equal(starts.Order(), ends.Keys.Order());
        var requests = await db.RunRequests.Select(r => r.RunId).ToListAsync(TestTimeouts.Unexpected);
        output.WriteLine(
            $"{announced.Count} runs announced, all recorded; {starts.Count} runs in the records, each with its end; {ledger.RecordCount} records, "
            + $"the ledger intact; the backlog drained {drainTime.TotalSeconds:0.0} s after the server started again, in {transactionsAfter} transactions, in sequence order; "
            + $"auto-run requests stored: {requests.Count} of {starts.Count}");
        Assert.Empty(starts.Except(requests));
    }

    /// <summary>Waits for <paramref name="count"/> more runs to end (and collects them).</summary>
    private static async Task NextRunsAsync(Channel<RunResult> ended, List<RunResult> announced, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            announced.Add(await ended.Reader.ReadAsync(cancellationToken));
        }
    }

    /// <summary>Every record of the station with the PostgreSQL transaction that inserted it (xmin), by sequence.</summary>
    private static async Task<List<(long Sequence, long Transaction)>> DeliveryTransactionsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var union = string.Join(" UNION ALL ", LedgerTables.Select(t => $"SELECT sequence, xmin::text::bigint AS tx FROM {t} WHERE station_id = @station"));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT sequence, tx FROM ({union}) AS records ORDER BY sequence", connection);
        command.Parameters.AddWithValue("station", StationName);
        var rows = new List<(long, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return rows;
    }
}
