using Station.Core.Devices;

namespace Station.Core.Runs;

/// <summary>
/// Power-cycles the board on a slot: an external command, a hub's port power switch, or the
/// simulator unplugging and re-plugging the board. The default does nothing and says so.
/// </summary>
public interface IPowerCycler
{
    /// <summary>True when this station can power-cycle <paramref name="slot"/> by itself.</summary>
    bool CanPowerCycle(SlotDefinition slot);

    /// <summary>Cuts and restores the slot's power.</summary>
    Task PowerCycleAsync(SlotDefinition slot, CancellationToken cancellationToken);
}
