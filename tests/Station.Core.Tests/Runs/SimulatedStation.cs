using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Core.Devices;
using Station.Core.Recipes;
using Station.Protocols.MBoot;
using Station.Simulator;
using Station.Testing;

namespace Station.Core.Runs.Tests;

/// <summary>
/// A station over a simulated USB hub: the real device monitor, connector and engine, with the
/// simulator as the boards' real peer. Events are kept for assertions.
/// </summary>
internal sealed class SimulatedStation : IAsyncDisposable, IRunEvents
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _monitoring;

    public SimulatedStation(
        int slots, IPowerCycler? powerCycler = null, int concurrentBurns = 1, IRunEvents? records = null, Fuses.IUnresolvedFuseIntents? unresolvedFuseIntents = null)
    {
        Bus = SimulatedUsbBus.WithHub(slots);
        var definitions = SimulatedUsbBus.HubPorts(slots).Select((port, i) => new SlotDefinition($"slot {i + 1}", port)).ToList();
        Monitor = new DeviceMonitor(Bus, definitions, TimeProvider.System);
        // Short response timeouts keep stall faults quick; the simulator answers in microseconds.
        var options = new MBootClientOptions { ResponseTimeout = TimeSpan.FromMilliseconds(300), EraseTimeout = TimeSpan.FromMilliseconds(500) };
        var environment = new RunEnvironment(
            Monitor,
            new BoardConnector(Monitor, NullLoggerFactory.Instance, TimeProvider.System, options),
            records is null ? this : new RunEventFanOut(this, records),
            powerCycler ?? NoPowerCycler.Instance,
            new SemaphoreSlim(concurrentBurns),
            TimeProvider.System,
            NullLoggerFactory.Instance)
        {
            UnresolvedFuseIntents = unresolvedFuseIntents,
        };
        Engine = new StationEngine(environment);
        _monitoring = Monitor.RunAsync(_stop.Token);
    }

    public SimulatedUsbBus Bus { get; }

    public DeviceMonitor Monitor { get; }

    public StationEngine Engine { get; }

    public ConcurrentQueue<RunEvent> Events { get; } = new();

    public static RecipePlan SampleRecipe(Func<string, string>? edit = null)
    {
        var folder = SharedTestData.RepositoryPath("samples/rt1064");
        var yaml = File.ReadAllText(Path.Combine(folder, "recipe.yaml"));
        return RecipeLoader.Parse(System.Text.Encoding.UTF8.GetBytes(edit?.Invoke(yaml) ?? yaml), "sample recipe", folder);
    }

    public static SimulatedBoard Board(string name, string? faults = null, IReadOnlyDictionary<int, uint>? fuses = null) =>
        new(BoardFamily.Rt1064, new SimulatedBoardOptions
        {
            Name = name,
            Faults = faults is null ? FaultPlan.None : FaultPlan.Parse(faults),
            Fuses = fuses,
        });

    public void Publish(RunEvent runEvent) => Events.Enqueue(runEvent);

    public ValueTask PublishDurablyAsync(RunEvent runEvent, CancellationToken cancellationToken)
    {
        Events.Enqueue(runEvent);
        return ValueTask.CompletedTask;
    }

    public IEnumerable<T> EventsOf<T>(Guid runId) where T : RunEvent => Events.OfType<T>().Where(e => e.RunId == runId);

    public async Task<RunResult> ProvisionAsync(string slot, SimulatedBoard board, RecipePlan recipe, FuseBurnApproval? approval = null, string serialNumber = "SN-1")
    {
        var port = Monitor.Slots.Single(s => s.Name == slot).PortPath;
        await Bus.PlugAsync(port, board, TestTimeouts.Unexpected);
        var started = Engine.TryStart(new RunRequest(slot, recipe, serialNumber, "test", approval)) ?? throw new InvalidOperationException("busy");
        return await started.Completion.WaitAsync(TestTimeouts.Unexpected);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _monitoring;
        await Bus.DisposeAsync();
        _stop.Dispose();
    }
}
