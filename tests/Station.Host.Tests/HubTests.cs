using System.Net;
using System.Text.Json.Nodes;
using Station.Testing;

namespace Station.Host.Tests;

/// <summary>The hub over a real WebSocket on a real Kestrel port, spoken by hand in the JSON hub protocol.</summary>
public sealed class HubTests(HubTests.Station station) : IClassFixture<HubTests.Station>
{
    public sealed class Station : IDisposable
    {
        public Station()
        {
            Host = new TestStation(kestrel: true);
            Host.StartServer();
        }

        public TestStation Host { get; }

        public void Dispose() => Host.Dispose();
    }

    private TestStation Host => station.Host;

    [Fact]
    public async Task Negotiate_Anonymous_Answers401()
    {
        using var http = new HttpClient { BaseAddress = Host.ServerAddress };

        var response = await http.PostAsync("/hubs/station/negotiate?negotiateVersion=1", null, TestTimeouts.Unexpected);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SubscribeAll_BoardPluggedInAutoMode_StreamsSlotStepProgressLogAndEndInSequence()
    {
        await using var hub = await HubClient.ConnectAsync(Host.ServerAddress, await Host.KeyAsync("operator"), TestTimeouts.Unexpected);
        var completion = await hub.InvokeAsync("Subscribe", [null], TestTimeouts.Unexpected);
        Assert.Null(completion["error"]);

        var ended = Host.NextRunEndAsync("slot 2");
        await Host.PlugAsync("slot 2");
        var seen = new List<JsonObject>();
        var end = await hub.WaitForAsync("runEnded", e => e["slot"]!.GetValue<string>() == "slot 2", seen, TestTimeouts.Unexpected);
        await ended;

        Assert.Equal("Passed", end["outcome"]!.GetValue<string>());
        var ofSlot = seen.Where(m => m["argument"]!["slot"]?.GetValue<string>() == "slot 2").ToList();
        var targets = ofSlot.Select(m => m["target"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "slotChanged", "runStep", "runProgress", "runEnded" }, targets);
        var sequence = ofSlot.Select(m => m["argument"]!["seq"]!.GetValue<long>()).ToList();
        Assert.Equal(sequence.Order(), sequence);
        Assert.Equal(sequence.Count, sequence.Distinct().Count());
        var steps = ofSlot.Where(m => m["target"]!.GetValue<string>() == "runStep").Select(m => m["argument"]!).ToList();
        Assert.Contains(steps, s => s["step"]!.GetValue<string>() == "WriteImage" && s["status"]!.GetValue<string>() == "succeeded");
        // A step change is a runStep only (docs/API.md): while the run goes on, a slotChanged says
        // that the board left or came back (re-enumeration), never just that the step moved on.
        var running = ofSlot.Where(m => m["target"]!.GetValue<string>() == "slotChanged" && m["argument"]!["state"]!.GetValue<string>() == "running")
            .Select(m => m["argument"]!["board"]?.ToJsonString() ?? "null").ToList();
        Assert.All(running.Zip(running.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.True(steps.Count(s => s["status"]!.GetValue<string>() == "started") > running.Count);
        var progress = ofSlot.First(m => m["target"]!.GetValue<string>() == "runProgress")["argument"]!;
        Assert.True(progress["total"]!.GetValue<long>() > 0);
        Assert.Equal(end["runId"]!.GetValue<string>(), progress["runId"]!.GetValue<string>());
        await Host.UnplugAllAsync();
    }

    [Fact]
    public async Task SubscribeOneSlot_OtherSlotsRun_OnlyThatSlotsEventsArrive()
    {
        await using var hub = await HubClient.ConnectAsync(Host.ServerAddress, await Host.KeyAsync("qa"), TestTimeouts.Unexpected);
        Assert.Null((await hub.InvokeAsync("Subscribe", ["slot 4"], TestTimeouts.Unexpected))["error"]);

        var other = Host.NextRunEndAsync("slot 3");
        await Host.PlugAsync("slot 3");
        await other;
        var mine = Host.NextRunEndAsync("slot 4");
        await Host.PlugAsync("slot 4");
        var seen = new List<JsonObject>();
        await hub.WaitForAsync("runEnded", _ => true, seen, TestTimeouts.Unexpected);
        await mine;

        Assert.All(seen, m => Assert.Equal("slot 4", m["argument"]!["slot"]?.GetValue<string>() ?? "slot 4"));
        Assert.DoesNotContain(seen, m => m["argument"]!["slot"]?.GetValue<string>() == "slot 3");
        await Host.UnplugAllAsync();
    }

    [Fact]
    public async Task Subscribe_UnknownSlot_CompletesWithAnError()
    {
        await using var hub = await HubClient.ConnectAsync(Host.ServerAddress, await Host.KeyAsync("mes"), TestTimeouts.Unexpected);

        var completion = await hub.InvokeAsync("Subscribe", ["slot 99"], TestTimeouts.Unexpected);

        Assert.Contains("slot 99", completion["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null((await hub.InvokeAsync("Unsubscribe", [null], TestTimeouts.Unexpected))["error"]);
    }
}
