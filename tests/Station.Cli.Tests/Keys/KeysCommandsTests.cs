using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Data;
using Station.Data.Access;
using Station.Data.Migrations;
using Station.Testing;

namespace Station.Cli.Tests.Keys;

/// <summary><c>station keys create|list|revoke</c> against a migrated SQLite file.</summary>
public sealed class KeysCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("station-keys-").FullName;

    private string Connection => $"Data Source={Path.Combine(_folder, "station.db")}";

    [Fact]
    public async Task KeysCreate_RoleMes_PrintsAKeyOnceThatTheStoreAccepts()
    {
        var options = new DatabaseOptions(DatabaseProvider.Sqlite, Connection);
        await new DatabaseMigrator(options, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(TestTimeouts.Unexpected);

        var created = await InProcessCli.RunAsync("keys", "create", "--role", "mes", "--name", "mes-line-1", "--ConnectionStrings:Station=" + Connection);
        var listed = await InProcessCli.RunAsync("keys", "list", "--ConnectionStrings:Station=" + Connection);

        Assert.Equal(0, created.ExitCode);
        var key = created.Stdout.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith(AccessStore.KeyPrefix, StringComparison.Ordinal));
        var record = await new AccessStore(new StationDbContextFactory(options), TimeProvider.System).FindApiKeyAsync(key, TestTimeouts.Unexpected);
        Assert.Equal("mes", record?.Roles);
        Assert.Contains("mes-line-1", listed.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed.Stdout, StringComparison.Ordinal);

        var revoked = await InProcessCli.RunAsync("keys", "revoke", "--name", "mes-line-1", "--ConnectionStrings:Station=" + Connection);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Null(await new AccessStore(new StationDbContextFactory(options), TimeProvider.System).FindApiKeyAsync(key, TestTimeouts.Unexpected));
    }

    [Fact]
    public async Task KeysCreate_UnknownRole_IsAUsageError()
    {
        var options = new DatabaseOptions(DatabaseProvider.Sqlite, Connection);
        await new DatabaseMigrator(options, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(TestTimeouts.Unexpected);

        var result = await InProcessCli.RunAsync("keys", "create", "--role", "boss", "--ConnectionStrings:Station=" + Connection);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("boss", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
