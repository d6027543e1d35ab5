using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>
/// GET /api/units groups runs into units in the database (a unit is its chip UID, else its serial
/// number): three boards, one of them reworked, read two to a page on SQLite and on PostgreSQL.
/// </summary>
public sealed class UnitSearchTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public Task Search_ThreeUnitsOneReworked_PagesUnitsNewestFirstOnSqlite() =>
        SearchAsync(new Dictionary<string, string?> { ["Station:Mode"] = "directed" });

    [PostgresFact]
    public Task Search_ThreeUnitsOneReworked_PagesUnitsNewestFirstOnPostgres() =>
        SearchAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Station"] = postgres.ConnectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["Station:Mode"] = "directed",
        });

    private static async Task SearchAsync(Dictionary<string, string?> settings)
    {
        using var host = new TestStation(settings);
        using var mes = await host.AsAsync("mes");
        using var qa = await host.AsAsync("qa");
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O"));
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        foreach (var slot in new[] { "slot 1", "slot 2", "slot 3" })
        {
            await host.PlugAsync(slot);
        }

        await RunAsync(host, mes, "slot 1", $"SN-{tag}-A", rework: false);
        await RunAsync(host, mes, "slot 2", $"SN-{tag}-B", rework: false);
        await RunAsync(host, mes, "slot 3", $"SN-{tag}-C", rework: false);
        await RunAsync(host, mes, "slot 1", $"SN-{tag}-A", rework: true);

        var first = await qa.GetFromJsonAsync<JsonElement>($"/api/units?from={since}&pageSize=2&page=1", TestTimeouts.Unexpected);
        var second = await qa.GetFromJsonAsync<JsonElement>($"/api/units?from={since}&pageSize=2&page=2", TestTimeouts.Unexpected);
        var third = await qa.GetFromJsonAsync<JsonElement>($"/api/units?from={since}&pageSize=2&page=3", TestTimeouts.Unexpected);

        Assert.Equal([3, 3, 3], new[] { first, second, third }.Select(p => p.GetProperty("total").GetInt32()));
        Assert.Equal([$"SN-{tag}-A", $"SN-{tag}-C"], Serials(first));
        Assert.Equal([$"SN-{tag}-B"], Serials(second));
        Assert.Empty(Serials(third));
        // The reworked unit is listed once, with its newer run.
        var reworked = first.GetProperty("items")[0];
        Assert.True(reworked.GetProperty("lastRunAt").GetDateTimeOffset() > first.GetProperty("items")[1].GetProperty("lastRunAt").GetDateTimeOffset());
        Assert.False(string.IsNullOrEmpty(reworked.GetProperty("chipUid").GetString()));
        var one = await qa.GetFromJsonAsync<JsonElement>($"/api/units?serial=SN-{tag}-B&outcome=passed", TestTimeouts.Unexpected);
        Assert.Equal(1, one.GetProperty("total").GetInt32());
        Assert.Equal([$"SN-{tag}-B"], Serials(one));
        await host.UnplugAllAsync();
    }

    private static async Task RunAsync(TestStation host, HttpClient mes, string slot, string serial, bool rework)
    {
        var response = await mes.PostAsJsonAsync(
            "/api/runs", new { slot, recipe = new { name = "rt1064-sample", version = 1 }, serialNumber = serial, @operator = "ana", rework }, TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await host.WaitForEndAsync((await response.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected)).GetProperty("runId").GetGuid());
    }

    private static List<string> Serials(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("serialNumber").GetString()!).ToList();
}
