using Station.Protocols.Transport;

namespace Station.Core.Devices;

/// <summary>A board seen on a slot.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Mode">ROM or flashloader.</param>
/// <param name="Device">The HID interface to open.</param>
/// <param name="ArrivedAt">When the monitor saw it appear (for the hand-over measurement).</param>
/// <param name="Generation">Counts arrivals on the slot: a new value means the board re-enumerated.</param>
public sealed record BoardPresence(SlotDefinition Slot, BoardMode Mode, HidDeviceInfo Device, DateTimeOffset ArrivedAt, long Generation);
