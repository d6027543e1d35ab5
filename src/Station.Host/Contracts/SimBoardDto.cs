namespace Station.Host.Contracts;

/// <summary>A simulated board on a slot.</summary>
internal sealed record SimBoardDto(string Slot, string PortPath, string Faults, string Name);
