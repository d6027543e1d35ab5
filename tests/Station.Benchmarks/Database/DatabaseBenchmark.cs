using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Station.Core.Records;
using Station.Data;
using Station.Data.Ledger;
using Station.Data.Migrations;
using Station.Data.Recording;

namespace Station.Benchmarks.Database;

/// <summary>
/// Issue 5's benchmark: database time per unit and units recorded per minute, on PostgreSQL or
/// SQLite, through the real path (Core's RecordingRunEvents → RecordWriter → journal → delivery →
/// database), and how long the recording calls on a run's path take (docs/BENCHMARKS.md).
/// </summary>
internal static partial class DatabaseBenchmark
{
    private const string StationId = "bench-station";

    public static async Task<int> RunAsync(string[] args)
    {
        DatabaseBenchmarkOptions options;
        try
        {
            options = DatabaseBenchmarkOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}");
            await Console.Error.WriteLineAsync("usage: " + DatabaseBenchmarkOptions.Usage);
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("station-bench-").FullName;
        string? postgresDatabase = null;
        try
        {
            DatabaseOptions database;
            if (options.Provider == DatabaseProvider.Postgres)
            {
                (database, postgresDatabase) = await CreatePostgresDatabaseAsync(options.Connection!);
            }
            else
            {
                database = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "station.db")}");
            }

            await new DatabaseMigrator(database, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
            var report = new Report(options, database, Path.Combine(folder, "journal"));
            await report.DescribeAsync();
            await RunPhasesAsync(options, database, Path.Combine(folder, "journal"), report);
            report.Print();
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (postgresDatabase is not null)
            {
                await DropPostgresDatabaseAsync(options.Connection!, postgresDatabase);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunPhasesAsync(DatabaseBenchmarkOptions options, DatabaseOptions database, string journal, Report report)
    {
        var timer = new DeliveryTimer(database);
        var cancellationToken = CancellationToken.None;
        var next = 0;
        long delivered;
        await using (var writer = await StartWriterAsync(journal, timer, TimeSpan.FromSeconds(30), options.Linger))
        {
            var events = new RecordingRunEvents(writer);

            // Warm-up: JIT, tiered compilation, connection pool, caches. Not reported.
            await PublishUnitsAsync(events, options.Slots, 200, TimeSpan.Zero, () => Interlocked.Increment(ref next), cancellationToken);
            await writer.WaitForDeliveryAsync(cancellationToken);

            // A: one unit at a time, each delivered before the next starts (a line whose units are
            // seconds apart: no batching across units). Nobody hurries delivery: the unit is in the
            // database when the recorder's own linger has passed, as on a line.
            if (options.Isolated > 0)
            {
                var before = timer.Snapshot(writer.Status.DeliveredSequence);
                var gc = GcWatch.Start();
                var times = new CallTimes();
                var latencies = new List<long>(options.Isolated);
                for (var i = 0; i < options.Isolated; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await TypicalUnit.PublishAsync(events, "slot 1", Interlocked.Increment(ref next), TimeSpan.Zero, times, cancellationToken);
                    await DeliveredAsync(writer, cancellationToken);
                    latencies.Add(Stopwatch.GetTimestamp() - start);
                }

                report.Add(new PhaseResult("one unit at a time", options.Isolated, timer.Snapshot(writer.Status.DeliveredSequence) - before, null, times)
                {
                    UnitLatency = CallTimes.Distribution.Of(latencies),
                    Gc = gc.Elapsed(),
                });
            }

            // B: a line's pace: every slot records units back to back, each unit's records spread over
            // its cycle time, slots staggered. Records trickle in; the linger decides the transactions.
            if (options.Paced > 0)
            {
                var before = timer.Snapshot(writer.Status.DeliveredSequence);
                var gc = GcWatch.Start();
                var clock = Stopwatch.StartNew();
                var parts = await PublishUnitsAsync(
                    events, options.Slots, options.Paced, options.UnitTime / TypicalUnit.Events, () => Interlocked.Increment(ref next), cancellationToken);
                await DeliveredAsync(writer, cancellationToken);
                report.Add(new PhaseResult(
                    string.Create(CultureInfo.InvariantCulture, $"{options.Slots} slots at a line's pace ({options.UnitTime.TotalSeconds:0} s per unit)"), options.Paced,
                    timer.Snapshot(writer.Status.DeliveredSequence) - before, clock.Elapsed, CallTimes.Merge(parts))
                {
                    Gc = gc.Elapsed(),
                });
            }

            // C: every slot records units back to back (far beyond a real line): throughput.
            if (options.Units > 0)
            {
                var before = timer.Snapshot(writer.Status.DeliveredSequence);
                var gc = GcWatch.Start();
                var clock = Stopwatch.StartNew();
                var parts = await PublishUnitsAsync(events, options.Slots, options.Units, TimeSpan.Zero, () => Interlocked.Increment(ref next), cancellationToken);
                var journaled = clock.Elapsed;
                await writer.WaitForDeliveryAsync(cancellationToken);
                report.Add(new PhaseResult($"{options.Slots} slots flat out", options.Units, timer.Snapshot(writer.Status.DeliveredSequence) - before, clock.Elapsed, CallTimes.Merge(parts))
                {
                    Journaled = journaled,
                    Gc = gc.Elapsed(),
                });
            }

            delivered = writer.Status.DeliveredSequence;
        }

        if (options.Outage > 0)
        {
            // D: the database is unreachable: recording goes on into the journal, calls stay as fast.
            var unreachable = options.Provider == DatabaseProvider.Postgres
                ? new DatabaseOptions(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Username=station;Database=station;Timeout=2")
                : new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(journal, "no-such-folder", "station.db")};Mode=ReadWrite");
            await using (var offline = await StartWriterAsync(journal, new StationDbContextFactory(unreachable), TimeSpan.FromSeconds(1), options.Linger))
            {
                var gc = GcWatch.Start();
                var clock = Stopwatch.StartNew();
                var parts = await PublishUnitsAsync(new RecordingRunEvents(offline), options.Slots, options.Outage, TimeSpan.Zero, () => Interlocked.Increment(ref next), CancellationToken.None);
                await offline.FlushAsync(CancellationToken.None);
                report.Add(new PhaseResult("database unreachable", options.Outage, null, null, CallTimes.Merge(parts))
                {
                    Journaled = clock.Elapsed,
                    DatabaseReachable = offline.Status.IsDatabaseReachable,
                    Gc = gc.Elapsed(),
                });
            }

            // E: the database is back: the backlog goes in, in order, in batches.
            var catchUp = new DeliveryTimer(database);
            var before = catchUp.Snapshot(delivered);
            var catchUpGc = GcWatch.Start();
            var catchUpClock = Stopwatch.StartNew();
            await using (var online = await StartWriterAsync(journal, catchUp, TimeSpan.FromSeconds(30), options.Linger))
            {
                await online.WaitForDeliveryAsync(CancellationToken.None);
                report.Add(new PhaseResult("catch-up after the outage", options.Outage, catchUp.Snapshot(online.Status.DeliveredSequence) - before, catchUpClock.Elapsed, null)
                {
                    Gc = catchUpGc.Elapsed(),
                });
            }
        }

        var ledger = await new LedgerVerifier(new StationDbContextFactory(database)).VerifyAsync(StationId, null, CancellationToken.None);
        report.Ledger = ledger;
    }

    /// <summary>
    /// Waits until everything durable is in the database without hurrying delivery (unlike
    /// <see cref="RecordWriter.WaitForDeliveryAsync"/>, which cuts the linger short).
    /// </summary>
    private static async Task DeliveredAsync(RecordWriter writer, CancellationToken cancellationToken)
    {
        var durable = writer.Status.DurableSequence;
        while (writer.Status.DeliveredSequence < durable)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), cancellationToken);
        }
    }

    private static Task<RecordWriter> StartWriterAsync(string journal, IDbContextFactory<StationDbContext> databases, TimeSpan shutdown, TimeSpan? linger)
    {
        var options = new RecordWriterOptions { StationId = StationId, JournalDirectory = journal, ToolVersion = "station-benchmarks", ShutdownDeliveryTimeout = shutdown };
        if (linger is { } value)
        {
            options = new RecordWriterOptions
            {
                StationId = options.StationId,
                JournalDirectory = options.JournalDirectory,
                ToolVersion = options.ToolVersion,
                ShutdownDeliveryTimeout = options.ShutdownDeliveryTimeout,
                DeliveryLinger = value,
            };
        }

        return RecordWriter.StartAsync(options, databases, TimeProvider.System, NullLogger<RecordWriter>.Instance, CancellationToken.None);
    }

    /// <summary>
    /// Each slot publishes its share of <paramref name="units"/> back to back, on its own task, each
    /// event <paramref name="gap"/> after the last; slots start a share of a unit's time apart.
    /// </summary>
    private static async Task<CallTimes[]> PublishUnitsAsync(
        RecordingRunEvents events, int slots, int units, TimeSpan gap, Func<int> nextNumber, CancellationToken cancellationToken)
    {
        var tasks = Enumerable.Range(0, slots).Select(slot => Task.Run(
            async () =>
            {
                var times = new CallTimes();
                if (gap > TimeSpan.Zero)
                {
                    await Task.Delay(gap * TypicalUnit.Events * slot / slots, cancellationToken);
                }

                var share = units / slots + (slot < units % slots ? 1 : 0);
                for (var i = 0; i < share; i++)
                {
                    await TypicalUnit.PublishAsync(events, $"slot {slot + 1}", nextNumber(), gap, times, cancellationToken);
                }

                return times;
            },
            cancellationToken));
        return await Task.WhenAll(tasks);
    }

    private static async Task<(DatabaseOptions Options, string Name)> CreatePostgresDatabaseAsync(string server)
    {
        var name = "station_bench_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return (new DatabaseOptions(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString), name);
    }

    private static async Task DropPostgresDatabaseAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static string Micro(TimeSpan time) => (time.TotalMicroseconds).ToString(time.TotalMicroseconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    internal static string Milli(TimeSpan time) => time.TotalMilliseconds.ToString(time.TotalMilliseconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
