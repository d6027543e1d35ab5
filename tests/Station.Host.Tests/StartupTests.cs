using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Station.Data;
using Station.Data.Access;
using Station.Data.Migrations;
using Station.Host.Hosting;
using Station.Host.Security;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>Start-up: configuration checked as a whole, migration policy, first-start admin key, restart recovery, systemd readiness.</summary>
public sealed class StartupTests
{
    [Fact]
    public void Start_BadConfiguration_RefusesListingEveryProblem()
    {
        using var host = new TestStation(new Dictionary<string, string?>
        {
            ["Station:Mode"] = "sometimes",
            ["Devices:Simulator:Boards"] = "40",
            ["Devices:Simulator:Faults"] = "explode=1",
        });

        var exception = Assert.ThrowsAny<OptionsValidationException>(() => host.CreateClient());

        Assert.Equal(3, exception.Failures.Count());
        Assert.Contains(exception.Failures, f => f.Contains("Station:Mode", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("Boards", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("Faults", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UsbSlotsMissingOrRepeated_ListsEachProblem()
    {
        var empty = StationOptionsValidation.Validate(new StationOptions(), new DevicesOptions { Mode = "Usb" });
        var repeated = StationOptionsValidation.Validate(new StationOptions(), new DevicesOptions
        {
            Mode = "Usb",
            Slots = [new() { Name = "slot 1", PortPath = "1-4.1" }, new() { Name = "slot 1", PortPath = "1-4.1" }],
        });

        Assert.Contains(empty, e => e.Contains("Devices:Slots is empty", StringComparison.Ordinal));
        Assert.Equal(2, repeated.Count);
    }

    [Fact]
    public void Start_MigrationOffOnAnEmptyDatabase_Refuses()
    {
        using var host = new TestStation(new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });

        var exception = Assert.ThrowsAny<InvalidOperationException>(() => host.CreateClient());

        Assert.Contains("station db migrate", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_RunLeftOpen_IsRecoveredAsInterruptedAndTheRecordsSurvive()
    {
        var data = Directory.CreateTempSubdirectory("station-restart-").FullName;
        try
        {
            var settings = new Dictionary<string, string?> { ["Station:DataDirectory"] = data, ["Station:Mode"] = "directed" };
            Guid runId;
            using (var first = new TestStation(settings))
            {
                using var mes = await first.AsAsync("mes");
                var started = await mes.PostAsJsonAsync("/api/runs", new { slot = "slot 1", recipe = new { name = "rt1064-sample", version = 1 }, serialNumber = "SN-RESTART" }, TestTimeouts.Unexpected);
                runId = (await started.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected)).GetProperty("runId").GetGuid();
                await first.Runtime.Writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
            }

            // The first host cancelled the waiting run at stop; its end is recorded, so nothing is left open.
            using var second = new TestStation(settings);
            using var qa = await second.AsAsync("qa");
            var unit = await qa.GetFromJsonAsync<JsonElement>("/api/units/SN-RESTART", TestTimeouts.Unexpected);
            var run = Assert.Single(unit.GetProperty("runs").EnumerateArray());
            Assert.Equal(runId, run.GetProperty("runId").GetGuid());
            Assert.Equal("Cancelled", run.GetProperty("result").GetProperty("outcome").GetString());
            var ledger = await (await second.AsAsync("admin")).GetFromJsonAsync<JsonElement>("/api/ledger/verify", TestTimeouts.Unexpected);
            Assert.True(ledger.GetProperty("ok").GetBoolean());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Bootstrap_NoAdminAndNoKeyConfigured_PrintsOneAdminKeyOnceThatWorks()
    {
        var folder = Directory.CreateTempSubdirectory("station-bootstrap-").FullName;
        try
        {
            var options = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "station.db")}");
            await new DatabaseMigrator(options, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(TestTimeouts.Unexpected);
            var access = new AccessStore(new StationDbContextFactory(options), TimeProvider.System);
            var console = new StringWriter();
            var bootstrap = new AccessBootstrap(access, Options.Create(new AuthOptions()), new TestEnvironment(), NullLogger<AccessBootstrap>.Instance) { Console = console };

            await bootstrap.RunAsync(TestTimeouts.Unexpected);
            await bootstrap.RunAsync(TestTimeouts.Unexpected);

            var printed = console.ToString();
            var key = printed.Split(['\n', ' '], StringSplitOptions.RemoveEmptyEntries).Single(w => w.StartsWith(AccessStore.KeyPrefix, StringComparison.Ordinal));
            var record = await access.FindApiKeyAsync(key, TestTimeouts.Unexpected);
            Assert.Equal("admin", record?.Roles);
            Assert.Single((await access.ListApiKeysAsync(TestTimeouts.Unexpected)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SystemdNotifier_NotifySocketSet_SendsReadyOnStartAndStoppingOnStop()
    {
        var folder = Directory.CreateTempSubdirectory("station-notify-").FullName;
        var path = Path.Combine(folder, "notify.sock");
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(path));
            var buffer = new byte[256];

            using (var host = new TestStation(new Dictionary<string, string?> { ["Hosting:NotifySocket"] = path }))
            {
                host.StartServer();
                var ready = await socket.ReceiveAsync(buffer, SocketFlags.None, TestTimeouts.Unexpected);
                Assert.StartsWith("READY=1", Encoding.UTF8.GetString(buffer, 0, ready), StringComparison.Ordinal);
            }

            var stopping = await socket.ReceiveAsync(buffer, SocketFlags.None, TestTimeouts.Unexpected);
            Assert.Equal("STOPPING=1", Encoding.UTF8.GetString(buffer, 0, stopping));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Station.Host.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
