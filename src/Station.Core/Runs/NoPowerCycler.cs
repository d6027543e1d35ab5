using Station.Core.Devices;

namespace Station.Core.Runs;

/// <summary>A station with no way to switch slot power: the ladder ends with a request to the operator.</summary>
public sealed class NoPowerCycler : IPowerCycler
{
    /// <summary>The single instance.</summary>
    public static NoPowerCycler Instance { get; } = new();

    /// <inheritdoc />
    public bool CanPowerCycle(SlotDefinition slot) => false;

    /// <inheritdoc />
    public Task PowerCycleAsync(SlotDefinition slot, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"This station cannot power-cycle {slot.Name}.");
}
