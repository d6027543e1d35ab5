using System.Text.RegularExpressions;
using Npgsql;
using Station.Testing;
using YamlDotNet.RepresentationModel;

namespace Station.Cli.Tests.Deploy;

/// <summary>
/// docker-compose.yml cannot be started on the build machines (no Docker engine): these tests parse
/// it and check what a review would: the services, their health checks, the order they start in,
/// that the station points at the postgres service, and that every variable is documented.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string ComposePath = SharedTestData.RepositoryPath("docker-compose.yml");

    private readonly YamlMappingNode _services = Mapping(Root(), "services");

    [Fact]
    public void Services_PostgresMigrateAndStation_AllThere()
    {
        Assert.Equal(["migrate", "postgres", "station"], _services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Order());
    }

    [Fact]
    public void Postgres_HealthCheck_AsksTheServerForTheStationDatabase()
    {
        var postgres = Mapping(_services, "postgres");
        var test = Sequence(Mapping(postgres, "healthcheck"), "test");

        Assert.Contains("pg_isready", string.Join(' ', test), StringComparison.Ordinal);
        Assert.Contains($"-d {Text(Mapping(postgres, "environment"), "POSTGRES_DB")}", string.Join(' ', test), StringComparison.Ordinal);
        Assert.Contains("/var/lib/postgresql/data", string.Join(' ', Sequence(postgres, "volumes")), StringComparison.Ordinal);
    }

    [Fact]
    public void Station_HealthCheck_GetsHealthzOnThePortTheContainerListensOn()
    {
        var station = Mapping(_services, "station");
        var test = Sequence(Mapping(station, "healthcheck"), "test");
        var port = Text(Mapping(station, "environment"), "ASPNETCORE_HTTP_PORTS");

        Assert.Equal("CMD", test[0]);
        Assert.Contains("curl", test);
        Assert.Contains($"http://127.0.0.1:{port}/healthz", test);
        Assert.Contains(Sequence(station, "ports"), p => p.EndsWith($":{port}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("station")]
    [InlineData("migrate")]
    public void DatabaseSettings_PointAtThePostgresServiceAndItsDatabase(string service)
    {
        var environment = Mapping(Mapping(_services, service), "environment");
        var postgres = Mapping(Mapping(_services, "postgres"), "environment");

        var connection = new NpgsqlConnectionStringBuilder(Text(environment, "ConnectionStrings__Station"));

        Assert.Equal("Postgres", Text(environment, "Database__Provider"));
        Assert.Equal("postgres", connection.Host);
        Assert.Equal(5432, connection.Port);
        Assert.Equal(Text(postgres, "POSTGRES_DB"), connection.Database);
        Assert.Equal(Text(postgres, "POSTGRES_USER"), connection.Username);
        Assert.Equal(Text(postgres, "POSTGRES_PASSWORD"), connection.Password);
    }

    [Fact]
    public void Station_StartsAfterPostgresIsHealthyAndTheMigrationSucceeded()
    {
        var station = Mapping(_services, "station");
        var dependsOn = Mapping(station, "depends_on");
        var migrate = Mapping(_services, "migrate");

        Assert.Equal("service_healthy", Text(Mapping(dependsOn, "postgres"), "condition"));
        Assert.Equal("service_completed_successfully", Text(Mapping(dependsOn, "migrate"), "condition"));
        Assert.Equal("service_healthy", Text(Mapping(Mapping(migrate, "depends_on"), "postgres"), "condition"));
        Assert.Equal(["station"], Sequence(migrate, "entrypoint"));
        Assert.Equal(["db", "migrate"], Sequence(migrate, "command"));
        Assert.Equal("false", Text(Mapping(station, "environment"), "Database__MigrateOnStartup"));
    }

    [Theory]
    [InlineData("station")]
    [InlineData("migrate")]
    public void Image_IsBuiltFromTheDockerfileInDeploy(string service)
    {
        var build = Mapping(Mapping(_services, service), "build");
        var dockerfile = Path.Combine(Path.GetDirectoryName(ComposePath)!, Text(build, "context"), Text(build, "dockerfile"));

        Assert.True(File.Exists(dockerfile), dockerfile);
        var text = File.ReadAllText(dockerfile);
        Assert.Contains("HEALTHCHECK", text, StringComparison.Ordinal);
        Assert.Contains("/healthz", text, StringComparison.Ordinal);
        Assert.Contains("/usr/local/bin/station", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Station_HidrawAndSerialNodes_ArePassedThroughAndOpenable()
    {
        var station = Mapping(_services, "station");
        var rules = Sequence(station, "device_cgroup_rules");

        Assert.Contains("/dev:/dev", Sequence(station, "volumes"));
        Assert.Contains("c ${HIDRAW_MAJOR:-241}:* rmw", rules);
        Assert.Contains("c 188:* rmw", rules);
        Assert.Contains("c 166:* rmw", rules);
        Assert.Contains("${STATION_GID:-999}", Sequence(station, "group_add"));
        Assert.Contains(Sequence(station, "volumes"), v => v.EndsWith(":/var/lib/station", StringComparison.Ordinal));
        Assert.Equal("/var/lib/station", Text(Mapping(station, "environment"), "Station__DataDirectory"));
    }

    [Fact]
    public void Variables_EveryOneIsExplainedInTheDeployReadme()
    {
        var readme = File.ReadAllText(SharedTestData.RepositoryPath("deploy/README.md"));
        var variables = VariablePattern().Matches(File.ReadAllText(ComposePath)).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(variables);
        Assert.All(variables, v => Assert.Contains($"`{v}`", readme, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\$\{([A-Z_]+)(?::-[^}]*)?\}")]
    private static partial Regex VariablePattern();

    private static YamlMappingNode Root()
    {
        using var reader = new StreamReader(ComposePath);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlMappingNode Mapping(YamlMappingNode parent, string key) =>
        Assert.IsType<YamlMappingNode>(parent.Children[new YamlScalarNode(key)]);

    private static List<string> Sequence(YamlMappingNode parent, string key) =>
        [.. Assert.IsType<YamlSequenceNode>(parent.Children[new YamlScalarNode(key)]).Children.Select(n => ((YamlScalarNode)n).Value!)];

    /// <summary>A scalar, with <c>${VAR:-default}</c> replaced by its default (what compose uses when .env is empty).</summary>
    private static string Text(YamlMappingNode parent, string key) =>
        VariablePattern().Replace(Assert.IsType<YamlScalarNode>(parent.Children[new YamlScalarNode(key)]).Value!, m =>
        {
            var whole = m.Value;
            var dash = whole.IndexOf(":-", StringComparison.Ordinal);
            return dash < 0 ? "" : whole[(dash + 2)..^1];
        });
}
