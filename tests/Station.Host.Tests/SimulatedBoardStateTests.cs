using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>Devices:Simulator:StateDirectory: the board on a slot and its fuses outlive the host.</summary>
public sealed class SimulatedBoardStateTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("station-sim-state-").FullName;

    [Fact]
    public async Task StateDirectory_HostStartedAgain_FindsTheSameBoardWithItsFusesBurned()
    {
        string name;
        using (var first = Station())
        {
            var ended = first.NextRunEndAsync("slot 1");
            var board = await PlugAsync(first, "slot 1");
            name = board.GetProperty("name").GetString()!;
            Assert.Equal(Core.Runs.RunOutcome.Passed, (await ended).Outcome);
        }

        var fuses = await File.ReadAllLinesAsync(Path.Combine(_state, name + ".fuses"), TestTimeouts.Unexpected);
        Assert.Single(fuses, line => line.StartsWith("program 6 ", StringComparison.Ordinal));

        using var second = Station();
        var again = second.NextRunEndAsync("slot 1");
        var restored = await PlugAsync(second, "slot 1");
        var result = await again;

        Assert.Equal(name, restored.GetProperty("name").GetString());
        Assert.Equal(Core.Runs.RunOutcome.Passed, result.Outcome);
        using var qa = await second.AsAsync("qa");
        var run = await qa.GetFromJsonAsync<JsonElement>($"/api/runs/{result.RunId}", TestTimeouts.Unexpected);
        var fuse = Assert.Single(run.GetProperty("fuses").EnumerateArray());
        Assert.Equal("Matches", fuse.GetProperty("decision").GetString());
        Assert.Equal(fuses, await File.ReadAllLinesAsync(Path.Combine(_state, name + ".fuses"), TestTimeouts.Unexpected));

        // Unplugged on purpose: the slot is empty, the next board a fresh one.
        using var engineer = await second.AsAsync("engineer");
        Assert.Equal(HttpStatusCode.NoContent, (await engineer.DeleteAsync("/api/sim/slots/slot%201/board", TestTimeouts.Unexpected)).StatusCode);
        Assert.NotEqual(name, (await PlugAsync(second, "slot 1")).GetProperty("name").GetString());
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private TestStation Station() => new(new Dictionary<string, string?> { ["Devices:Simulator:StateDirectory"] = _state });

    private static async Task<JsonElement> PlugAsync(TestStation host, string slot)
    {
        using var engineer = await host.AsAsync("engineer");
        var response = await engineer.PostAsJsonAsync($"/api/sim/slots/{Uri.EscapeDataString(slot)}/board", new { faults = "" }, TestTimeouts.Unexpected);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestTimeouts.Unexpected);
    }
}
