using Microsoft.Extensions.Logging;
using Station.Core.Devices;
using Station.Core.Fuses;
using Station.Core.Recipes;
using Station.Core.Runs;
using Station.Simulator;

namespace Station.Cli.Simulation;

/// <summary>
/// A whole station line in one process: a simulated USB hub with one slot per port, simulated
/// boards plugged into it, and the real engine provisioning them. Each slot takes boards one after
/// the other until the requested number of units is done (a fresh board per unit, as an operator
/// would swap them).
/// </summary>
internal sealed class SimulatedLine : IAsyncDisposable
{
    private readonly SimulatedUsbBus _bus;
    private readonly DeviceMonitor _monitor;
    private readonly StationEngine _engine;
    private readonly RecipePlan _recipe;
    private readonly BoardFamily _family;
    private readonly SimulatedLineOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _monitoring;
    private int _boardsMade;

    public SimulatedLine(
        RecipePlan recipe, SimulatedLineOptions options, IRunEvents events, ILoggerFactory loggerFactory, IUnresolvedFuseIntents? unresolvedFuseIntents = null)
    {
        _recipe = recipe;
        _options = options;
        _family = BoardFamily.Parse(recipe.Device.Aliases[0]);
        _bus = SimulatedUsbBus.WithHub(options.Slots);
        var slots = SimulatedUsbBus.HubPorts(options.Slots).Select((port, i) => new SlotDefinition($"slot {i + 1}", port)).ToList();
        _monitor = new DeviceMonitor(_bus, slots, TimeProvider.System);
        var environment = new RunEnvironment(
            _monitor,
            new BoardConnector(_monitor, loggerFactory, TimeProvider.System),
            events,
            new SimulatedPowerCycler(_bus),
            new SemaphoreSlim(options.ConcurrentFuseBurns),
            TimeProvider.System,
            loggerFactory)
        {
            UnresolvedFuseIntents = unresolvedFuseIntents,
        };
        _engine = new StationEngine(environment);
        _monitoring = _monitor.RunAsync(_stop.Token);
    }

    /// <summary>Provisions <see cref="SimulatedLineOptions.Units"/> boards and returns one result per unit, in completion order.</summary>
    public async Task<IReadOnlyList<SimulatedUnit>> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<SimulatedUnit>();
        var lanes = _monitor.Slots.Select(slot => RunSlotAsync(slot, results, cancellationToken));
        await Task.WhenAll(lanes);
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _monitoring;
        await _bus.DisposeAsync();
        _stop.Dispose();
    }

    private async Task RunSlotAsync(SlotDefinition slot, List<SimulatedUnit> results, CancellationToken cancellationToken)
    {
        for (var number = Interlocked.Increment(ref _boardsMade); number <= _options.Units; number = Interlocked.Increment(ref _boardsMade))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var board = new SimulatedBoard(_family, new SimulatedBoardOptions
            {
                Name = $"board {number}",
                Timing = _options.Timing,
                Faults = _options.Faults with { Seed = _options.Faults.Seed + number },
            });
            await _bus.PlugAsync(slot.PortPath, board, cancellationToken);
            var started = _engine.TryStart(new RunRequest(slot.Name, _recipe, $"SIM-{number:D6}", "station run", _options.FuseApproval))
                ?? throw new InvalidOperationException($"{slot.Name} is busy.");
            var result = await started.Completion;
            // The device-bound time of the run: from power-on (the run waits for the ROM) to the
            // answer to the final reset, so the re-enumeration that follows that reset is left out.
            var deviceBound = board.DeviceTime.Total;
            if (result.Outcome == RunOutcome.Passed)
            {
                deviceBound -= _options.Timing.Reenumeration;
            }

            var unit = new SimulatedUnit(result, deviceBound, board.FuseProgramCounts());
            lock (results)
            {
                results.Add(unit);
            }

            await _bus.UnplugAsync(slot.PortPath, cancellationToken);
            await board.DisposeAsync();
        }
    }
}
