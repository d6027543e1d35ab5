using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>The /api/sim routes: plug, list, unplug, faults, refusals, and their absence unless configured.</summary>
public sealed class SimApiTests(SimApiTests.Station station) : IClassFixture<SimApiTests.Station>
{
    public sealed class Station() : IDisposable
    {
        public TestStation Host { get; } = new();

        public void Dispose() => Host.Dispose();
    }

    private TestStation Host => station.Host;

    [Fact]
    public async Task PlugListUnplug_Board_IsListedWithItsFaultsUntilUnplugged()
    {
        using var engineer = await Host.AsAsync("engineer");
        var ended = Host.NextRunEndAsync("slot 3");

        var plugged = await engineer.PostAsJsonAsync("/api/sim/slots/slot%203/board", new { faults = "erase20106=1" }, TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.Created, plugged.StatusCode);
        var board = await plugged.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected);
        Assert.Equal("slot 3", board.GetProperty("slot").GetString());
        Assert.Equal("1-1.3", board.GetProperty("portPath").GetString());
        Assert.Contains("erase20106", board.GetProperty("faults").GetString(), StringComparison.Ordinal);
        var boards = await engineer.GetFromJsonAsync<JsonElement>("/api/sim/boards", TestTimeouts.Unexpected);
        Assert.Single(boards.EnumerateArray(), b => b.GetProperty("slot").GetString() == "slot 3");
        Assert.Equal(HttpStatusCode.Conflict, (await engineer.PostAsJsonAsync("/api/sim/slots/slot%203/board", new { faults = "" }, TestTimeouts.Unexpected)).StatusCode);

        // Every erase fails with 20106: the ladder runs out and the unit is quarantined with the status.
        var result = await ended;
        Assert.Equal(Core.Runs.RunOutcome.Quarantined, result.Outcome);
        Assert.Equal(20106u, result.DeviceStatus);
        var slot = Host.Board.Slot("slot 3")!;
        Assert.Equal("done", slot.State);
        Assert.Equal("Quarantined", slot.LastResult!.Outcome);
        Assert.NotNull(slot.LastResult.OperatorAction);

        Assert.Equal(HttpStatusCode.NoContent, (await engineer.DeleteAsync("/api/sim/slots/slot%203/board", TestTimeouts.Unexpected)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await engineer.DeleteAsync("/api/sim/slots/slot%203/board", TestTimeouts.Unexpected)).StatusCode);
        Assert.Null(Host.Board.Slot("slot 3")!.Board);
    }

    [Fact]
    public async Task Plug_BadFaultSpecOrUnknownSlot_IsRefused()
    {
        using var engineer = await Host.AsAsync("engineer");

        var badSpec = await engineer.PostAsJsonAsync("/api/sim/slots/slot%201/board", new { faults = "explode=2" }, TestTimeouts.Unexpected);
        var unknown = await engineer.PostAsJsonAsync("/api/sim/slots/slot%2042/board", new { faults = "" }, TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badSpec.StatusCode);
        Assert.Contains("explode", await badSpec.Content.ReadAsStringAsync(TestTimeouts.Unexpected), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task SimRoutes_NotConfigured_DoNotExist()
    {
        using var host = new TestStation(new Dictionary<string, string?> { ["Devices:Simulator:Api"] = "false" });
        using var admin = await host.AsAsync("admin");

        var response = await admin.GetAsync("/api/sim/boards", TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
