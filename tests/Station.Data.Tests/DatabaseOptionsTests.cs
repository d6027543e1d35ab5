using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Station.Data.Export;
using Station.Data.Ledger;
using Station.Data.Migrations;
using Station.Data.Postgres;
using Station.Data.Sqlite;

namespace Station.Data.Tests;

public sealed class DatabaseOptionsTests
{
    [Theory]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData("postgresql", DatabaseProvider.Postgres)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData(null, DatabaseProvider.Sqlite)]
    public void FromConfiguration_Provider_IsRead(string? provider, DatabaseProvider expected)
    {
        var options = DatabaseOptions.FromConfiguration(Configuration(provider, "Data Source=x"));

        Assert.Equal((expected, "Data Source=x"), (options.Provider, options.ConnectionString));
    }

    [Fact]
    public void FromConfiguration_EverythingWrong_ListsEveryProblem()
    {
        var error = Assert.Throws<DatabaseConfigurationException>(() => DatabaseOptions.FromConfiguration(Configuration("Oracle", null)));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.Contains("Database:Provider is 'Oracle'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("ConnectionStrings:Station", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Postgres", typeof(PostgresStationDbContext))]
    [InlineData("Sqlite", typeof(SqliteStationDbContext))]
    public void AddStationData_Provider_RegistersItsContextAndTheDataServices(string provider, Type context)
    {
        var services = new ServiceCollection().AddStationData(Configuration(provider, "Host=localhost;Data Source=x"));
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        using var provider_ = services.BuildServiceProvider();

        using var db = provider_.GetRequiredService<IDbContextFactory<StationDbContext>>().CreateDbContext();
        Assert.IsType(context, db);
        Assert.NotNull(provider_.GetRequiredService<DatabaseMigrator>());
        Assert.NotNull(provider_.GetRequiredService<LedgerVerifier>());
        Assert.NotNull(provider_.GetRequiredService<UnitRecordExporter>());
    }

    private static DictionaryConfiguration Configuration(string? provider, string? connectionString) =>
        new(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Station"] = connectionString,
        });
}
