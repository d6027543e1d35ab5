namespace Station.Core.Devices;

/// <summary>A board appeared on a slot (<see cref="Arrived"/> set) or left it (<see cref="Arrived"/> null).</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Arrived">The board that appeared, or null when the slot became empty.</param>
/// <param name="Left">The board that left, or null for an arrival on an empty slot.</param>
public sealed record SlotChange(SlotDefinition Slot, BoardPresence? Arrived, BoardPresence? Left);
