using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Station.Cli.Settings;
using Station.Data;
using Station.Testing;

namespace Station.Cli.Tests.Deploy;

/// <summary>The systemd unit, the udev rules and the example settings in deploy/.</summary>
public sealed partial class DeploymentFilesTests
{
    [Theory]
    [InlineData("1fc9", "0135")]
    [InlineData("1fc9", "0130")]
    [InlineData("1fc9", "0145")]
    [InlineData("1fc9", "013d")]
    [InlineData("15a2", "0073")]
    public void UdevRules_NxpRomAndFlashloader_HidrawNodeBelongsToTheServiceGroup(string vendor, string product)
    {
        var rules = File.ReadAllLines(SharedTestData.RepositoryPath("deploy/linux/70-station-nxp.rules"))
            .Where(l => !l.TrimStart().StartsWith('#') && l.Trim().Length > 0)
            .ToList();
        var group = UnitValues("Group").Single();

        var rule = Assert.Single(rules, l => l.Contains($"ATTRS{{idVendor}}==\"{vendor}\"", StringComparison.Ordinal)
            && l.Contains($"ATTRS{{idProduct}}==\"{product}\"", StringComparison.Ordinal));
        Assert.StartsWith("SUBSYSTEM==\"hidraw\",", rule, StringComparison.Ordinal);
        Assert.Contains($"GROUP=\"{group}\"", rule, StringComparison.Ordinal);
        Assert.Contains("MODE=\"0660\"", rule, StringComparison.Ordinal);
    }

    [Fact]
    public void UdevRules_NothingButTheFiveNxpDevices()
    {
        var rules = File.ReadAllLines(SharedTestData.RepositoryPath("deploy/linux/70-station-nxp.rules"))
            .Count(l => !l.TrimStart().StartsWith('#') && l.Trim().Length > 0);

        Assert.Equal(5, rules);
    }

    [Fact]
    public void SystemdUnit_NotifyServiceUserSandboxAndDevices()
    {
        Assert.Equal(["notify"], UnitValues("Type"));
        Assert.Equal(["station"], UnitValues("User"));
        Assert.Equal(["/var/lib/station"], UnitValues("WorkingDirectory"));
        Assert.Equal(["station"], UnitValues("StateDirectory"));
        Assert.Contains("Station__DataDirectory=/var/lib/station", UnitValues("Environment"));
        Assert.Equal(["-/etc/station/station.env"], UnitValues("EnvironmentFile"));
        Assert.EndsWith("/Station.Host.dll", Assert.Single(UnitValues("ExecStart")), StringComparison.Ordinal);
        Assert.Equal(["yes"], UnitValues("NoNewPrivileges"));
        Assert.Equal(["strict"], UnitValues("ProtectSystem"));
        Assert.Equal(["closed"], UnitValues("DevicePolicy"));
        Assert.Contains("char-hidraw rw", UnitValues("DeviceAllow"));
        Assert.Contains("AF_NETLINK", Assert.Single(UnitValues("RestrictAddressFamilies")).Split(' '));
        // These two would break the service: no hidraw nodes, no JIT.
        Assert.Empty(UnitValues("PrivateDevices"));
        Assert.Empty(UnitValues("MemoryDenyWriteExecute"));
    }

    [Theory]
    [InlineData("appsettings.single-station.json", DatabaseProvider.Sqlite)]
    [InlineData("appsettings.line.json", DatabaseProvider.Postgres)]
    public void ExampleSettings_ResolveAsTheCliReadsThem(string file, DatabaseProvider provider)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(SharedTestData.RepositoryPath(Path.Combine("deploy", "config", file))).Build();

        var settings = StationSettings.FromConfiguration(configuration);

        Assert.Equal(provider, settings.Database.Provider);
        Assert.Equal("/var/lib/station", configuration["Station:DataDirectory"]);
        Assert.Equal(UnitValues("Environment").Single(e => e.StartsWith("Station__DataDirectory=", StringComparison.Ordinal)).Split('=')[1], configuration["Station:DataDirectory"]);
        Assert.NotEqual(StationSettings.DefaultStationId, settings.StationId);
        Assert.Equal("Usb", configuration["Devices:Mode"]);
        Assert.NotNull(configuration["Devices:Slots:0:PortPath"]);
        Assert.Equal(provider == DatabaseProvider.Sqlite ? "True" : "False", configuration["Database:MigrateOnStartup"], ignoreCase: true);
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal("SQLite /var/lib/station/station.db", settings.DescribeDatabase());
        }
        else
        {
            Assert.DoesNotContain("Password", configuration["ConnectionStrings:Station"], StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Every value of <paramref name="key"/> in deploy/linux/station.service (a key may repeat).</summary>
    private static List<string> UnitValues(string key) =>
        [.. File.ReadAllLines(SharedTestData.RepositoryPath("deploy/linux/station.service"))
            .Select(l => UnitLine().Match(l))
            .Where(m => m.Success && m.Groups[1].Value == key)
            .Select(m => m.Groups[2].Value.Trim())];

    [GeneratedRegex(@"^([A-Za-z]+)=(.*)$")]
    private static partial Regex UnitLine();
}
