namespace Station.Cli.Tests.Records;

/// <summary><c>station db migrate|status</c> and how every settings-reading command reports bad settings.</summary>
public sealed class DbCommandsTests : IDisposable
{
    private readonly StationCli _cli = StationCli.Sqlite();

    /// <summary>The newest schema version this build carries (db/, embedded in Station.Data).</summary>
    private static int Latest => new Station.Data.Migrations.DatabaseMigrator(
        new Station.Data.DatabaseOptions(Station.Data.DatabaseProvider.Sqlite, "Data Source=:memory:"),
        TimeProvider.System,
        Microsoft.Extensions.Logging.Abstractions.NullLogger<Station.Data.Migrations.DatabaseMigrator>.Instance).LatestVersion;

    [Fact]
    public async Task Migrate_FreshDatabase_PrintsWhatItAppliedThenNothingTheSecondTime()
    {
        var before = await _cli.RunAsync("db", "status");
        var first = await _cli.RunAsync("db", "migrate");
        var second = await _cli.RunAsync("db", "migrate");
        var after = await _cli.RunAsync("db", "status");

        Assert.Equal(1, before.ExitCode);
        Assert.Contains("pending  0001_initial", before.Stdout, StringComparison.Ordinal);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"Database: SQLite {_cli.PathOf("station.db")}", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Applied 0001_initial", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Applied 0002_qa_views", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Applied 0003_append_only_guards", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("Applied 0004_station_service", first.Stdout, StringComparison.Ordinal);
        Assert.Contains($"The database is at version {Latest} (the latest).", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("Applied", second.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Nothing to apply: the database is at version {Latest}", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("applied  0003_append_only_guards", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_Target_StopsAtThatVersion()
    {
        var result = await _cli.RunAsync("db", "migrate", "--target", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Applied 0001_initial", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("0002", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"this build's latest is {Latest}", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LedgerVerify_EmptyDatabase_SaysSoAndPasses()
    {
        Assert.Equal(0, (await _cli.RunAsync("db", "migrate")).ExitCode);

        var result = await _cli.RunAsync("ledger", "verify");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No records in the database", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_UnknownProviderAndStationIdTooLong_ListsBothProblemsWithUsageCode()
    {
        var result = await InProcessCli.RunAsync("db", "migrate", "--Database:Provider=Oracle", $"--Station:Name={new string('s', 65)}", $"--Station:DataDirectory={_cli.Folder}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Database:Provider is 'Oracle'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Station:Name is 65 characters long", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_PostgresWithoutConnectionString_IsAUsageError()
    {
        var result = await InProcessCli.RunAsync("ledger", "verify", "--Database:Provider=Postgres", $"--Station:DataDirectory={_cli.Folder}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ConnectionStrings:Station is not set", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_UnknownArgument_IsRejectedNotTakenForASetting()
    {
        var result = await _cli.RunAsync("ledger", "verify", "--frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unrecognized argument '--frobnicate'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_PostgresUnreachable_ExitsWithDatabaseCode()
    {
        var result = await InProcessCli.RunAsync(
            "db", "migrate", "--Database:Provider=Postgres", "--ConnectionStrings:Station=Host=127.0.0.1;Port=1;Username=station;Database=station;Timeout=5",
            $"--Station:DataDirectory={_cli.Folder}");

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("error: database: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Database: PostgreSQL station@127.0.0.1:1/station", result.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
