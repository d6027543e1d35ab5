using System.Net.Http.Json;
using System.Text.Json;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>The host on PostgreSQL (a line's central database): migrated at start, a run recorded, the unit's record read back, the ledger intact.</summary>
public sealed class PostgresRecordingTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public async Task Run_OnPostgres_IsRecordedAndQueryable()
    {
        using var host = new TestStation(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Station"] = postgres.ConnectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["Station:Mode"] = "directed",
        });
        using var mes = await host.AsAsync("mes");
        await host.PlugAsync("slot 2");

        var started = await mes.PostAsJsonAsync("/api/runs", new { slot = "slot 2", recipe = new { name = "rt1064-sample", version = 1 }, serialNumber = "SN-PG-1", @operator = "olga" }, TestTimeouts.Unexpected);
        started.EnsureSuccessStatusCode();
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected)).GetProperty("runId").GetGuid();
        await host.WaitForEndAsync(runId);

        using var qa = await host.AsAsync("qa");
        var unit = await qa.GetFromJsonAsync<JsonElement>("/api/units/SN-PG-1", TestTimeouts.Unexpected);
        var run = Assert.Single(unit.GetProperty("runs").EnumerateArray());
        Assert.Equal("Passed", run.GetProperty("result").GetProperty("outcome").GetString());
        Assert.Equal("olga", run.GetProperty("operator").GetString());
        Assert.Equal(16, run.GetProperty("fuses")[0].GetProperty("after").GetInt64());
        var csv = await qa.GetStringAsync("/api/units/SN-PG-1/record?format=csv", TestTimeouts.Unexpected);
        Assert.Contains("fuse_results", csv, StringComparison.Ordinal);
        var ledger = await qa.GetFromJsonAsync<JsonElement>("/api/ledger/verify", TestTimeouts.Unexpected);
        Assert.True(ledger.GetProperty("ok").GetBoolean());
        var recipes = await mes.GetFromJsonAsync<JsonElement>("/api/recipes", TestTimeouts.Unexpected);
        Assert.True(recipes[0].GetProperty("approved").GetBoolean());
    }
}
