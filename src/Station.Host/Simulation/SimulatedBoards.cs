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
/// With a state folder (<c>Devices:Simulator:StateDirectory</c>) the boards outlive the process:
/// each slot's board is named in <c>port-PORTPATH.board</c> while it is plugged in, and its eFuses are
/// kept in <c>NAME.fuses</c> (<see cref="SimulatedBoardOptions.FuseFile"/>), so a host that is
/// killed and started again finds the same boards (same chip UIDs, same fuses) on the same slots.
/// Flash and RAM are not kept: a run on a restored board erases and writes the flash again anyway.
/// </summary>
internal sealed partial class SimulatedBoards : IPowerCycler, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (SimulatedBoard Board, string Faults)> _boards = new(StringComparer.OrdinalIgnoreCase);
    private readonly BoardFamily _family;
    private readonly SimulatorTiming _timing;
    private readonly ILogger<SimulatedBoards> _logger;
    private readonly string? _stateDirectory;

    public SimulatedBoards(int slots, BoardFamily family, double timeScale, ILogger<SimulatedBoards> logger, string? stateDirectory = null)
    {
        Bus = SimulatedUsbBus.WithHub(slots);
        Slots = [.. SimulatedUsbBus.HubPorts(slots).Select((port, i) => new SlotDefinition($"slot {i + 1}", port))];
        _family = family;
        _timing = new SimulatorTiming { ScaleFactor = timeScale };
        _logger = logger;
        if (!string.IsNullOrWhiteSpace(stateDirectory))
        {
            _stateDirectory = Directory.CreateDirectory(stateDirectory).FullName;
        }
    }

    public SimulatedUsbBus Bus { get; }

    public IReadOnlyList<SlotDefinition> Slots { get; }

    /// <summary>The boards plugged in now, by slot.</summary>
    public IReadOnlyList<(SlotDefinition Slot, SimulatedBoard Board, string Faults)> Boards =>
        [.. Slots.Where(s => _boards.ContainsKey(s.Name)).Select(s => (s, _boards[s.Name].Board, _boards[s.Name].Faults))];

    /// <summary>
    /// Plugs a fresh board into <paramref name="slot"/>, or, with a state folder, the board an
    /// earlier process left on it.
    /// </summary>
    /// <exception cref="FormatException">The fault spec is invalid (every problem listed).</exception>
    /// <exception cref="InvalidOperationException">A board is already on the slot.</exception>
    public async Task<SimulatedBoard> PlugAsync(SlotDefinition slot, string? faults, CancellationToken cancellationToken)
    {
        var plan = FaultPlan.Parse(faults);
        if (_boards.ContainsKey(slot.Name))
        {
            throw new InvalidOperationException($"{slot.Name} already has a board.");
        }

        var restored = _stateDirectory is null ? null : ReadSlotFile(slot);
        var name = restored ?? $"sim-{Guid.NewGuid():N}"[..16];
        var board = new SimulatedBoard(_family, new SimulatedBoardOptions
        {
            Name = name,
            Timing = _timing,
            Faults = plan,
            FuseFile = _stateDirectory is null ? null : Path.Combine(_stateDirectory, name + ".fuses"),
        });
        if (!_boards.TryAdd(slot.Name, (board, plan.ToString())))
        {
            await board.DisposeAsync();
            throw new InvalidOperationException($"{slot.Name} already has a board.");
        }

        try
        {
            if (_stateDirectory is not null && restored is null)
            {
                WriteSlotFile(slot, name);
            }

            await Bus.PlugAsync(slot.PortPath, board, cancellationToken);
        }
        catch
        {
            _boards.TryRemove(slot.Name, out _);
            await board.DisposeAsync();
            throw;
        }

        if (restored is not null)
        {
            Log.Restored(_logger, board.Name, slot.Name, plan.ToString());
        }
        else
        {
            Log.Plugged(_logger, board.Name, slot.Name, plan.ToString());
        }

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
        if (_stateDirectory is not null)
        {
            File.Delete(SlotFile(slot));
        }

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

    private string SlotFile(SlotDefinition slot) =>
        Path.Combine(_stateDirectory!, $"port-{slot.PortPath}.board");

    /// <summary>The name of the board left on <paramref name="slot"/> by an earlier process, or null.</summary>
    private string? ReadSlotFile(SlotDefinition slot)
    {
        var path = SlotFile(slot);
        return File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } name ? name : null;
    }

    /// <summary>Names the slot's board; written to a temporary file and renamed, so a reader finds the old name or the new one.</summary>
    private void WriteSlotFile(SlotDefinition slot, string name)
    {
        var path = SlotFile(slot);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, name);
        File.Move(temporary, path, overwrite: true);
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
