using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Station.Testing;

namespace Station.Cli.Tests.Records;

/// <summary>
/// <c>station run</c> records into the configured database; <c>station export</c> finds the units;
/// <c>station ledger verify</c> passes, and names the link after a row is edited with raw SQL.
/// The same scenario on SQLite and on PostgreSQL.
/// </summary>
public sealed partial class RecordedRunCliTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task RunExportVerify_Sqlite_RecordsEveryUnitAndNamesAnEditedRow()
    {
        using var cli = StationCli.Sqlite();
        await RunExportVerifyTamperAsync(cli, sql => ExecuteSqliteAsync(cli, sql), "DROP TRIGGER fuse_intents_no_update");
    }

    [PostgresFact]
    public async Task RunExportVerify_Postgres_RecordsEveryUnitAndNamesAnEditedRow()
    {
        using var cli = StationCli.Postgres(postgres.ConnectionString);
        await RunExportVerifyTamperAsync(cli, sql => ExecutePostgresAsync(cli, sql), "ALTER TABLE fuse_intents DISABLE TRIGGER USER");
    }

    [Fact]
    public async Task LedgerVerify_NewestRowDeleted_OnlyTheJournalAnchorSeesIt()
    {
        using var cli = StationCli.Sqlite();
        var run = await cli.RunAsync("run", "--simulate", "1", "--recipe", StationCli.RecipePath, "--allow-fuse-burn");
        Assert.True(run.ExitCode == 0, run.ToString());
        var (table, newest) = await NewestRecordAsync(cli);
        await ExecuteSqliteAsync(cli, $"DROP TRIGGER {table}_no_delete");
        await ExecuteSqliteAsync(cli, $"DELETE FROM {table} WHERE sequence = {newest}");

        var chainOnly = await cli.RunAsync("ledger", "verify", "--no-journal");
        var anchored = await cli.RunAsync("ledger", "verify");

        // What is left is a valid, shorter chain: only the journal's head shows the loss (docs/DATA.md).
        Assert.True(chainOnly.ExitCode == 0, chainOnly.ToString());
        Assert.Equal(1, anchored.ExitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Truncated at sequence {newest}:"), anchored.Stdout, StringComparison.Ordinal);
        Assert.Contains("checked against the local journal", anchored.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LedgerVerify_GivenAnchor_MatchingPassesAndAnotherHashIsAnAnchorMismatch()
    {
        using var cli = StationCli.Sqlite();
        var run = await cli.RunAsync("run", "--simulate", "1", "--recipe", StationCli.RecipePath, "--allow-fuse-burn");
        Assert.True(run.ExitCode == 0, run.ToString());
        var head = HeadPattern().Match(run.Stdout);
        Assert.True(head.Success, run.Stdout);
        var sequence = head.Groups[1].Value;
        var hash = head.Groups[2].Value;
        var otherHash = (hash[0] == '0' ? "1" : "0") + hash[1..];

        var matching = await cli.RunAsync("ledger", "verify", "--anchor", $"{sequence}:{hash}");
        var other = await cli.RunAsync("ledger", "verify", "--anchor", $"{sequence}:{otherHash}");
        var malformed = await cli.RunAsync("ledger", "verify", "--anchor", "12:abc");

        Assert.True(matching.ExitCode == 0, matching.ToString());
        Assert.Contains("checked against the given anchor", matching.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, other.ExitCode);
        Assert.Contains($"AnchorMismatch at sequence {sequence}:", other.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("--anchor", malformed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LedgerVerify_StationWithoutRecords_SaysSo()
    {
        using var cli = StationCli.Sqlite();
        Assert.Equal(0, (await cli.RunAsync("db", "migrate")).ExitCode);

        var result = await cli.RunAsync("ledger", "verify", "--station", "nobody");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nobody: no records in the database.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoRecord_WritesNoDatabase()
    {
        using var cli = StationCli.Sqlite();

        var run = await cli.RunAsync("run", "--simulate", "2", "--recipe", StationCli.RecipePath, "--allow-fuse-burn", "--no-record");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("passed 2", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("recorded into", run.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.PathOf("station.db")));
        Assert.False(Directory.Exists(cli.JournalDirectory));
    }

    [Fact]
    public async Task Run_Json_KeepsTheSummaryAsOneJsonDocument()
    {
        using var cli = StationCli.Sqlite();

        var run = await cli.RunAsync("run", "--simulate", "2", "--recipe", StationCli.RecipePath, "--allow-fuse-burn", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var summary = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, summary.RootElement.GetProperty("passed").GetInt32());
        var export = await cli.RunAsync("export", "--serial", "SIM-000002");
        Assert.True(export.ExitCode == 0, export.ToString());
    }

    [Fact]
    public async Task Run_JournalHeldByAnotherRecorder_ExitsWithDatabaseCodeAndSaysWhatToDo()
    {
        using var cli = StationCli.Sqlite();
        Directory.CreateDirectory(cli.JournalDirectory);
        await using var held = new FileStream(Path.Combine(cli.JournalDirectory, "journal.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var run = await cli.RunAsync("run", "--simulate", "1", "--recipe", StationCli.RecipePath, "--allow-fuse-burn");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("in use by another process", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--no-record", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_NothingMatches_ExitsOneAndWritesNoFile()
    {
        using var cli = StationCli.Sqlite();
        Assert.Equal(0, (await cli.RunAsync("db", "migrate")).ExitCode);

        var export = await cli.RunAsync("export", "--serial", "NO-SUCH-UNIT", "--output", cli.PathOf("none.json"));

        Assert.Equal(1, export.ExitCode);
        Assert.Contains("No run matches", export.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.PathOf("none.json")));
    }

    private static async Task RunExportVerifyTamperAsync(StationCli cli, Func<string, Task> executeAsync, string disableGuard)
    {
        var run = await cli.RunAsync("run", "--simulate", "4", "--recipe", StationCli.RecipePath, "--allow-fuse-burn");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("passed 4, failed 0", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"as station {StationCli.StationId}; ledger head ", run.Stdout, StringComparison.Ordinal);

        // One unit by serial number, as JSON: the whole run with every kind of record.
        var bySerial = await cli.RunAsync("export", "--serial", "SIM-000003", "--format", "json");
        Assert.True(bySerial.ExitCode == 0, bySerial.ToString());
        using var document = JsonDocument.Parse(bySerial.Stdout);
        Assert.Equal("station-unit-record/1", document.RootElement.GetProperty("format").GetString());
        var unit = Assert.Single(document.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal("SIM-000003", unit.GetProperty("serial_number").GetString());
        Assert.Equal("passed", unit.GetProperty("outcome").GetString());
        var records = unit.GetProperty("records").EnumerateArray().ToList();
        var types = records.Select(r => r.GetProperty("record_type").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "run_starts", "unit_identifications", "step_attempts", "fuse_intents", "fuse_results", "image_writes", "run_ends" }, types);
        Assert.All(records, r => Assert.Equal(StationCli.StationId, r.GetProperty("station_id").GetString()));
        Assert.All(records, r => Assert.Equal(64, r.GetProperty("hash").GetString()!.Length));

        // The same unit by chip UID, as CSV into a file: one row per record.
        var chipUid = unit.GetProperty("chip_uid").GetString()!;
        var csvPath = cli.PathOf("unit.csv");
        var byChip = await cli.RunAsync("export", "--chip-uid", chipUid, "--output", csvPath);
        Assert.True(byChip.ExitCode == 0, byChip.ToString());
        var lines = await File.ReadAllLinesAsync(csvPath, TestTimeouts.Unexpected);
        Assert.StartsWith("run_id,serial_number,chip_uid,record_type,station_id,sequence,recorded_at,previous_hash,hash,", lines[0], StringComparison.Ordinal);
        Assert.Equal(records.Count, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains($",SIM-000003,{chipUid},", line, StringComparison.Ordinal));

        // Every unit of the last hour.
        var now = DateTimeOffset.UtcNow;
        var byTime = await cli.RunAsync("export", "--from", now.AddHours(-1).ToString("O", CultureInfo.InvariantCulture), "--to", now.AddHours(1).ToString("O", CultureInfo.InvariantCulture));
        Assert.True(byTime.ExitCode == 0, byTime.ToString());
        using (var all = JsonDocument.Parse(byTime.Stdout))
        {
            Assert.Equal(4, all.RootElement.GetProperty("runs").GetArrayLength());
        }

        var intact = await cli.RunAsync("ledger", "verify");
        Assert.True(intact.ExitCode == 0, intact.ToString());
        Assert.Contains($"{StationCli.StationId}: intact, ", intact.Stdout, StringComparison.Ordinal);
        Assert.Contains("checked against the local journal", intact.Stdout, StringComparison.Ordinal);

        // Someone with write access lifts the guard and edits a requested fuse value.
        var target = records.First(r => r.GetProperty("record_type").GetString() == "fuse_intents").GetProperty("sequence").GetInt64();
        await executeAsync(disableGuard);
        await executeAsync(string.Create(CultureInfo.InvariantCulture,
            $"UPDATE fuse_intents SET requested_value = 0 WHERE station_id = '{StationCli.StationId}' AND sequence = {target}"));

        var broken = await cli.RunAsync("ledger", "verify");
        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"first broken link: ContentChanged in fuse_intents at sequence {target}:"), broken.Stdout, StringComparison.Ordinal);
        Assert.Contains("Ledger BROKEN", broken.Stdout, StringComparison.Ordinal);

        var brokenJson = await cli.RunAsync("ledger", "verify", "--json");
        Assert.Equal(1, brokenJson.ExitCode);
        using var verdict = JsonDocument.Parse(brokenJson.Stdout);
        Assert.False(verdict.RootElement.GetProperty("intact").GetBoolean());
        var firstBreak = Assert.Single(verdict.RootElement.GetProperty("stations").EnumerateArray()).GetProperty("firstBreak");
        Assert.Equal("ContentChanged", firstBreak.GetProperty("kind").GetString());
        Assert.Equal("fuse_intents", firstBreak.GetProperty("table").GetString());
        Assert.Equal(target, firstBreak.GetProperty("sequence").GetInt64());
    }

    [System.Text.RegularExpressions.GeneratedRegex("ledger head ([0-9]+):([0-9a-f]{64})")]
    private static partial System.Text.RegularExpressions.Regex HeadPattern();

    private static async Task<(string Table, long Sequence)> NewestRecordAsync(StationCli cli)
    {
        string[] tables = ["station_sessions", "run_starts", "unit_identifications", "step_attempts", "fuse_intents", "fuse_results", "image_writes", "log_lines", "run_ends"];
        await using var connection = new SqliteConnection(cli.ConnectionString);
        await connection.OpenAsync(TestTimeouts.Unexpected);
        var newest = ("", 0L);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT MAX(sequence) FROM {table}";
            if (await command.ExecuteScalarAsync(TestTimeouts.Unexpected) is long sequence && sequence > newest.Item2)
            {
                newest = (table, sequence);
            }
        }

        return newest;
    }

    private static async Task ExecuteSqliteAsync(StationCli cli, string sql)
    {
        await using var connection = new SqliteConnection(cli.ConnectionString);
        await connection.OpenAsync(TestTimeouts.Unexpected);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestTimeouts.Unexpected);
    }

    private static async Task ExecutePostgresAsync(StationCli cli, string sql)
    {
        await using var connection = new NpgsqlConnection(cli.ConnectionString);
        await connection.OpenAsync(TestTimeouts.Unexpected);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestTimeouts.Unexpected);
    }
}
