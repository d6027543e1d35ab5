using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>/healthz, /readyz, /metrics after a run, the OpenAPI document, the station and its statistics, the ledger, and the dashboard's files.</summary>
public sealed class ServiceEndpointsTests(ServiceEndpointsTests.Station station) : IClassFixture<ServiceEndpointsTests.Station>
{
    public sealed class Station : IDisposable
    {
        public Station()
        {
            Host = new TestStation();
            var dashboard = Path.Combine(Host.Directory, "dashboard");
            Directory.CreateDirectory(Path.Combine(dashboard, "assets"));
            File.WriteAllText(Path.Combine(dashboard, "index.html"), "<!doctype html><title>Station dashboard</title>");
            File.WriteAllText(Path.Combine(dashboard, "assets", "app.js"), "console.log('station');");
        }

        public TestStation Host { get; }

        public void Dispose() => Host.Dispose();
    }

    private TestStation Host => station.Host;

    [Fact]
    public async Task Healthz_Anonymous_IsAlive()
    {
        using var anonymous = Host.Anonymous();

        var response = await anonymous.GetAsync("/healthz", TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alive", (await response.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_DatabaseAndMonitorUp_IsReady()
    {
        using var operatorClient = await Host.AsAsync("operator");

        var ready = await operatorClient.GetFromJsonAsync<JsonElement>("/readyz", TestTimeouts.Unexpected);

        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal("ok", ready.GetProperty("database").GetString());
        Assert.Equal("ok", ready.GetProperty("devices").GetString());
    }

    [Fact]
    public async Task Metrics_AfterAFaultedAndAPassedRun_CountOutcomesStepsAndRetriesInPrometheusText()
    {
        using var operatorClient = await Host.AsAsync("operator");
        var passed = Host.NextRunEndAsync("slot 1");
        await Host.PlugAsync("slot 1");
        await passed;
        var faulted = Host.NextRunEndAsync("slot 2");
        await Host.PlugAsync("slot 2", "erase20106@1");
        Assert.Equal(Core.Runs.RunOutcome.Passed, (await faulted).Outcome);

        var response = await operatorClient.GetAsync("/metrics", TestTimeouts.Unexpected);
        var text = await response.Content.ReadAsStringAsync(TestTimeouts.Unexpected);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE station_units_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("station_units_total{outcome=\"passed\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("station_units_total{outcome=\"quarantined\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE station_step_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("station_step_duration_seconds_bucket{step=\"WriteImage\",le=\"+Inf\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("station_step_duration_seconds_count{step=\"Erase\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("station_retries_total{slot=\"slot 2\",device_status=\"20106\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("station_slot_board_present{slot=\"slot 1\"} 1\n", text, StringComparison.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')))
        {
            Assert.Matches("^[a-z_]+(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*\\})? [-+0-9.eE]+$|^[a-z_]+\\{.*le=\"\\+Inf\"\\} [0-9]+$", line);
        }

        var station = await operatorClient.GetFromJsonAsync<JsonElement>("/api/station", TestTimeouts.Unexpected);
        Assert.Equal("test station", station.GetProperty("name").GetString());
        Assert.Equal("auto", station.GetProperty("mode").GetString());
        Assert.True(station.GetProperty("activeRecipe").GetProperty("approved").GetBoolean());
        Assert.True(station.GetProperty("shift").GetProperty("passed").GetInt32() >= 2);
        var cycles = await operatorClient.GetFromJsonAsync<JsonElement>("/api/stats/cycle-times", TestTimeouts.Unexpected);
        Assert.True(cycles.GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()) >= 2);
        var failures = await operatorClient.GetFromJsonAsync<JsonElement>("/api/stats/failures", TestTimeouts.Unexpected);
        Assert.Equal(JsonValueKind.Array, failures.ValueKind);

        using var qa = await Host.AsAsync("qa");
        var ledger = await qa.GetFromJsonAsync<JsonElement>("/api/ledger/verify", TestTimeouts.Unexpected);
        Assert.True(ledger.GetProperty("ok").GetBoolean());
        Assert.True(ledger.GetProperty("anchored").GetBoolean());
        Assert.True(ledger.GetProperty("records").GetInt64() > 20);
        await Host.UnplugAllAsync();
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheRoutes()
    {
        using var engineer = await Host.AsAsync("engineer");

        var document = await engineer.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestTimeouts.Unexpected);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Contains("/api/runs", paths);
        Assert.Contains("/api/runs/{id}", paths);
        Assert.Contains("/api/units/{serialOrUid}/record", paths);
        Assert.Contains("/api/recipes/{name}/{version}/approve", paths);
        Assert.Contains("/healthz", paths);
    }

    [Theory]
    [InlineData("/", "Station dashboard")]
    [InlineData("/index.html", "Station dashboard")]
    [InlineData("/assets/app.js", "console.log")]
    [InlineData("/some/page", "Station dashboard")]
    public async Task Dashboard_Anonymous_ServesItsFilesWithAFallbackPage(string path, string contains)
    {
        using var anonymous = Host.Anonymous();

        var response = await anonymous.GetAsync(path, TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(contains, await response.Content.ReadAsStringAsync(TestTimeouts.Unexpected), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiRoute_Anonymous_Answers401NotTheDashboard()
    {
        using var anonymous = Host.Anonymous();

        var response = await anonymous.GetAsync("/api/nothing", TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
