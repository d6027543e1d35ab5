using System.Collections.Concurrent;
using Station.Core.Devices;
using Station.Core.Runs;
using Station.Simulator;

namespace Station.Host.Simulation;

/// <summary>
/// Simulator mode's hardware: a simulated USB hub with one port per slot ("slot 1" on 1-1.1 …) and
/// fresh simulated boards plugged into it (blank flash, unburned fuses, boot ROM), each with its
/// own name (so its own chip UID) and the configured or requested faults. It is also the power
/// cycler of the recovery ladder (unplug and plug the same board).
/// </summary>
internal sealed partial class SimulatedBoards : IPowerCycler, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (SimulatedBoard Board, string Faults)> _boards = new(StringComparer.OrdinalIgnoreCase);
    private readonly BoardFamily _family;
    private readonly SimulatorTiming _timing;
    private readonly ILogger<SimulatedBoards> _logger;

    public SimulatedBoards(int slots, BoardFamily family, double timeScale, ILogger<SimulatedBoards> logger)
    {
        Bus = SimulatedUsbBus.WithHub(slots);
        Slots = [.. SimulatedUsbBus.HubPorts(slots).Select((port, i) => new SlotDefinition($"slot {i + 1}", port))];
        _family = family;
        _timing = new SimulatorTiming { ScaleFactor = timeScale };
        _logger = logger;
    }

    public SimulatedUsbBus Bus { get; }

    public IReadOnlyList<SlotDefinition> Slots { get; }

    /// <summary>The boards plugged in now, by slot.</summary>
    public IReadOnlyList<(SlotDefinition Slot, SimulatedBoard Board, string Faults)> Boards =>
        [.. Slots.Where(s => _boards.ContainsKey(s.Name)).Select(s => (s, _boards[s.Name].Board, _boards[s.Name].Faults))];

    /// <summary>Plugs a fresh board into <paramref name="slot"/>.</summary>
    /// <exception cref="FormatException">The fault spec is invalid (every problem listed).</exception>
    /// <exception cref="InvalidOperationException">A board is already on the slot.</exception>
    public async Task<SimulatedBoard> PlugAsync(SlotDefinition slot, string? faults, CancellationToken cancellationToken)
    {
        var plan = FaultPlan.Parse(faults);
        var board = new SimulatedBoard(_family, new SimulatedBoardOptions
        {
            Name = $"sim-{Guid.NewGuid():N}"[..16],
            Timing = _timing,
            Faults = plan,
        });
        if (!_boards.TryAdd(slot.Name, (board, plan.ToString())))
        {
            await board.DisposeAsync();
            throw new InvalidOperationException($"{slot.Name} already has a board.");
        }

        try
        {
            await Bus.PlugAsync(slot.PortPath, board, cancellationToken);
        }
        catch
        {
            _boards.TryRemove(slot.Name, out _);
            await board.DisposeAsync();
            throw;
        }

        Log.Plugged(_logger, board.Name, slot.Name, plan.ToString());
        return board;
    }

    /// <summary>Unplugs the board on <paramref name="slot"/>; false when there was none.</summary>
    public async Task<bool> UnplugAsync(SlotDefinition slot, CancellationToken cancellationToken)
    {
        if (!_boards.TryRemove(slot.Name, out var entry))
        {
            return false;
        }

        await Bus.UnplugAsync(slot.PortPath, cancellationToken);
        await entry.Board.DisposeAsync();
        Log.Unplugged(_logger, entry.Board.Name, slot.Name);
        return true;
    }

    /// <inheritdoc />
    public bool CanPowerCycle(SlotDefinition slot) => Bus.BoardAt(slot.PortPath) is not null;

    /// <inheritdoc />
    public async Task PowerCycleAsync(SlotDefinition slot, CancellationToken cancellationToken)
    {
        var board = await Bus.UnplugAsync(slot.PortPath, cancellationToken)
            ?? throw new InvalidOperationException($"No board on {slot.Name} to power-cycle.");
        await Bus.PlugAsync(slot.PortPath, board, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.DisposeAsync();
        foreach (var (_, (board, _)) in _boards)
        {
            await board.DisposeAsync();
        }

        _boards.Clear();
    }
}
