using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Npgsql;
using Station.Data;
using Station.Data.Ledger;
using Station.Data.Recording;

namespace Station.Benchmarks.Database;

/// <summary>What the db benchmark prints: the machine, the database, and a Markdown table per phase (for docs/BENCHMARKS.md).</summary>
internal sealed class Report(DatabaseBenchmarkOptions options, DatabaseOptions database, string journal)
{
    private readonly List<PhaseResult> _phases = [];
    private readonly List<string> _environment = [];

    public LedgerVerification? Ledger { get; set; }

    public void Add(PhaseResult phase)
    {
        _phases.Add(phase);
        Console.Error.WriteLine($"  done: {phase.Name}");
    }

    /// <summary>Notes the machine, runtime, database server and its durability settings, and the journal's file system.</summary>
    public async Task DescribeAsync()
    {
        _environment.Add($"machine: {CpuModel()}, {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}{LoadAverage()}");
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            _environment.Add($"database: {await ScalarAsync(connection, "SELECT version()")} at {builder.Host}:{builder.Port}; " +
                $"fsync={await ScalarAsync(connection, "SHOW fsync")}, synchronous_commit={await ScalarAsync(connection, "SHOW synchronous_commit")}");
        }
        else
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            _environment.Add($"database: SQLite {await ScalarAsync(connection, "SELECT sqlite_version()")} file on {FileSystem(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)}; " +
                $"journal_mode={await ScalarAsync(connection, "PRAGMA journal_mode")}, synchronous={await ScalarAsync(connection, "PRAGMA synchronous")} (2 = FULL)");
        }

        _environment.Add($"record journal: {journal} on {FileSystem(journal)} (one write + fsync per batch)");
        var linger = options.Linger ?? new RecordWriterOptions { StationId = "x", JournalDirectory = "x" }.DeliveryLinger;
        _environment.Add(string.Create(CultureInfo.InvariantCulture, $"recorder: delivery linger {linger.TotalMilliseconds:0} ms{(options.Linger is null ? " (the default)" : "")}"));
        _environment.Add($"unit: {TypicalUnit.Records} records ({TypicalUnit.StepAttempts} step attempts, fuse intent and result, image write, 4 log lines, start, identification, end); {options.Slots} slots where concurrent");
    }

    public void Print()
    {
        Console.WriteLine($"## db benchmark: {(database.Provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite")}");
        Console.WriteLine();
        foreach (var line in _environment)
        {
            Console.WriteLine($"- {line}");
        }

        Console.WriteLine();
        Console.WriteLine("| phase | units | database time per unit | transactions | records per transaction | units per minute | unit recorded → in database (median / p99) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in _phases)
        {
            var delivery = phase.Delivery;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {phase.Name} | {phase.Units} | {(phase.DatabaseTimePerUnit is { } t ? DatabaseBenchmark.Milli(t) + " ms" : "–")} " +
                $"| {(delivery is null ? "–" : delivery.Batches.ToString(CultureInfo.InvariantCulture))} " +
                $"| {(delivery is { Batches: > 0 } d ? (d.Records / (double)d.Batches).ToString("0.0", CultureInfo.InvariantCulture) : "–")} " +
                $"| {(phase.UnitsPerMinute is { } u ? u.ToString("#,0", CultureInfo.InvariantCulture) : "–")} " +
                $"| {(phase.UnitLatency is { } l ? $"{DatabaseBenchmark.Milli(l.Median)} / {DatabaseBenchmark.Milli(l.P99)} ms" : "–")} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Where a delivery batch's time goes, per unit (by EF's transaction and connection events):");
        Console.WriteLine();
        Console.WriteLine("| phase | database time per unit | INSERTs (build, send, execute) | COMMIT | connection open | context and BEGIN |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var phase in _phases.Where(p => p.Delivery is { Batches: > 0 }))
        {
            var d = phase.Delivery!;
            var units = phase.Units;
            Console.WriteLine(
                $"| {phase.Name} | {DatabaseBenchmark.Milli(d.Time / units)} ms | {DatabaseBenchmark.Milli(d.Inserts / units)} ms | {DatabaseBenchmark.Milli(d.Commits / units)} ms " +
                $"| {DatabaseBenchmark.Milli(d.Opens / units)} ms | {DatabaseBenchmark.Milli((d.Time - d.Inserts - d.Commits - d.Opens) / units)} ms |");
        }

        Console.WriteLine();
        Console.WriteLine("Recording calls on the run's path (Core's RecordingRunEvents):");
        Console.WriteLine();
        Console.WriteLine("| phase | Publish calls | median | p99 | p99.9 | max | durable calls (fuse intent, run end) | median | p99 | max | GCs, of them gen 2 (total pause) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in _phases.Where(p => p.Calls is not null))
        {
            var publish = phase.Calls!.Publish;
            var durable = phase.Calls.Durable;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {phase.Name} | {publish.Count} | {DatabaseBenchmark.Micro(publish.Median)} µs | {DatabaseBenchmark.Micro(publish.P99)} µs | {DatabaseBenchmark.Micro(publish.P999)} µs | {DatabaseBenchmark.Micro(publish.Max)} µs " +
                $"| {durable.Count} | {DatabaseBenchmark.Milli(durable.Median)} ms | {DatabaseBenchmark.Milli(durable.P99)} ms | {DatabaseBenchmark.Milli(durable.Max)} ms " +
                $"| {phase.Gc.Collections}, {phase.Gc.FullCollections} ({DatabaseBenchmark.Milli(phase.Gc.Pause)} ms) |"));
        }

        Console.WriteLine();
        foreach (var phase in _phases)
        {
            if (phase.Journaled is { } journaled)
            {
                var waiting = phase.DatabaseReachable is false
                    ? string.Create(CultureInfo.InvariantCulture, $", database unreachable: {phase.Units * TypicalUnit.Records} records waiting in the journal")
                    : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"- {phase.Name}: {phase.Units} units in the journal after {journaled.TotalSeconds:0.00} s ({phase.Units / journaled.TotalMinutes:#,0} units per minute){waiting}."));
            }
        }

        if (Ledger is { } ledger)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"- ledger afterwards: {(ledger.IsIntact ? "intact" : "BROKEN: " + ledger.FirstBreak)}, {ledger.RecordCount} records."));
        }
    }

    private static async Task<string> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }

    private static string CpuModel()
    {
        const string Key = "model name";
        return File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>Other work on the machine skews every figure: say how busy it was when the run began.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $"; load average at start {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "";

    private static string FileSystem(string path)
    {
        var root = Path.GetPathRoot(Path.GetFullPath(path)) ?? "/";
        var best = DriveInfo.GetDrives()
            .Where(d => Path.GetFullPath(path).StartsWith(d.Name, StringComparison.Ordinal))
            .MaxBy(d => d.Name.Length);
        return best is null ? root : $"{best.DriveFormat} ({best.Name})";
    }
}
