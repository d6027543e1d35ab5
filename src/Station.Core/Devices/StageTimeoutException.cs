namespace Station.Core.Devices;

/// <summary>A board did not appear on its slot in the expected mode within the stage timeout.</summary>
public sealed class StageTimeoutException(SlotDefinition slot, BoardMode? mode, TimeSpan timeout)
    : Exception($"No {mode switch { BoardMode.Rom => "boot ROM", BoardMode.Flashloader => "flashloader", _ => "board" }} appeared on {slot.Name} ({slot.PortPath}) within {timeout.TotalSeconds:0.#} s.")
{
    /// <summary>The slot waited on.</summary>
    public SlotDefinition Slot { get; } = slot;

    /// <summary>The mode waited for, or null for any.</summary>
    public BoardMode? Mode { get; } = mode;
}
