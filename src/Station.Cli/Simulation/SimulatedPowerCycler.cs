using Station.Core.Devices;
using Station.Core.Runs;
using Station.Simulator;

namespace Station.Cli.Simulation;

/// <summary>Power-cycles a simulated slot by unplugging its board and plugging it back in.</summary>
internal sealed class SimulatedPowerCycler(SimulatedUsbBus bus) : IPowerCycler
{
    public bool CanPowerCycle(SlotDefinition slot) => bus.BoardAt(slot.PortPath) is not null;

    public async Task PowerCycleAsync(SlotDefinition slot, CancellationToken cancellationToken)
    {
        var board = await bus.UnplugAsync(slot.PortPath, cancellationToken)
            ?? throw new InvalidOperationException($"No board on {slot.Name} to power-cycle.");
        await bus.PlugAsync(slot.PortPath, board, cancellationToken);
    }
}
