namespace Station.Host.Contracts;

/// <summary>Failed runs by slot and device status.</summary>
internal sealed record FailureCountDto(string Slot, long? DeviceStatus, int Count);
