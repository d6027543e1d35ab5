using Microsoft.Extensions.Configuration;
using Station.Cli.Settings;
using Station.Data;

namespace Station.Cli.Tests.Records;

/// <summary>Where the settings come from, in which order, and their defaults (docs/CONFIGURATION.md).</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("station-cli-settings-").FullName;

    [Fact]
    public void Build_EverySource_LaterSourcesWin()
    {
        var exeFile = Write("exe/appsettings.json", """{ "Test": { "A": "exe", "B": "exe", "C": "exe", "D": "exe", "E": "exe" } }""");
        var machineFile = Write("etc/appsettings.json", """{ "Test": { "B": "machine", "C": "machine", "D": "machine", "E": "machine" } }""");
        var currentFile = Write("cwd/appsettings.json", """{ "Test": { "C": "cwd", "D": "cwd", "E": "cwd" } }""");
        var variable = "StationCliSettingsTest__" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable + "__D", "environment");
        Environment.SetEnvironmentVariable(variable + "__E", "environment");
        try
        {
            var configuration = CliConfiguration.Build(
                ["--Test:E=argument", $"--{variable.Replace("__", ":", StringComparison.Ordinal)}:E=argument"],
                [exeFile, machineFile, currentFile, Path.Combine(_folder, "missing/appsettings.json")]);

            Assert.Equal("exe", configuration["Test:A"]);
            Assert.Equal("machine", configuration["Test:B"]);
            Assert.Equal("cwd", configuration["Test:C"]);
            Assert.Equal("environment", configuration[variable.Replace("__", ":", StringComparison.Ordinal) + ":D"]);
            Assert.Equal("argument", configuration[variable.Replace("__", ":", StringComparison.Ordinal) + ":E"]);
            Assert.Equal("argument", configuration["Test:E"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable + "__D", null);
            Environment.SetEnvironmentVariable(variable + "__E", null);
        }
    }

    [Fact]
    public void FromConfiguration_NothingSet_SqliteInTheDataFolderAndAJournalPerStation()
    {
        var settings = StationSettings.FromConfiguration(Configuration(("Station:DataDirectory", _folder)));

        Assert.Equal(DatabaseProvider.Sqlite, settings.Database.Provider);
        Assert.Equal($"SQLite {Path.Combine(_folder, "station.db")}", settings.DescribeDatabase());
        Assert.Equal(StationSettings.DefaultStationId, settings.StationId);
        Assert.Equal(Path.Combine(_folder, "journal"), settings.JournalDirectory);
    }

    [Fact]
    public void FromConfiguration_NoDataFolder_UsesThePerUserFolder()
    {
        var settings = StationSettings.FromConfiguration(Configuration());

        Assert.Equal(StationSettings.DefaultDataDirectory, settings.DataDirectory);
        Assert.Equal($"SQLite {Path.Combine(StationSettings.DefaultDataDirectory, "station.db")}", settings.DescribeDatabase());
    }

    [Fact]
    public void FromConfiguration_PostgresAndNames_AreTakenAsGivenAndDescribedWithoutThePassword()
    {
        var settings = StationSettings.FromConfiguration(Configuration(
            ("Database:Provider", "postgres"),
            ("ConnectionStrings:Station", "Host=db1;Port=5433;Database=line;Username=station;Password=secret"),
            ("Station:Name", "line-3-station-2"),
            ("Station:DataDirectory", Path.Combine(_folder, "data"))));

        Assert.Equal(DatabaseProvider.Postgres, settings.Database.Provider);
        Assert.Equal("PostgreSQL station@db1:5433/line", settings.DescribeDatabase());
        Assert.Equal("line-3-station-2", settings.StationId);
        Assert.Equal(Path.Combine(_folder, "data", "journal"), settings.JournalDirectory);
    }

    [Theory]
    [InlineData(new[] { "--Database:Provider=Postgres" }, new[] { "--Database:Provider=Postgres" }, new string[0])]
    [InlineData(new[] { "--ConnectionStrings:Station", "Data Source=a b.db" }, new[] { "--ConnectionStrings:Station=Data Source=a b.db" }, new string[0])]
    [InlineData(new[] { "--frob", "--Station:Name=x", "extra" }, new[] { "--Station:Name=x" }, new[] { "--frob", "extra" })]
    [InlineData(new[] { "--Station:Name" }, new string[0], new[] { "--Station:Name" })]
    [InlineData(new[] { "--:x=1", "-Database:Provider=x" }, new string[0], new[] { "--:x=1", "-Database:Provider=x" })]
    public void Split_Tokens_SettingsAreThoseWithASection(string[] tokens, string[] settings, string[] unknown)
    {
        var (foundSettings, foundUnknown) = ConfigurationArguments.Split(tokens);

        Assert.Equal(settings, foundSettings);
        Assert.Equal(unknown, foundUnknown);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private string Write(string relativePath, string json)
    {
        var path = Path.Combine(_folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }
}
