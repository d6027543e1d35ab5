namespace Station.Core.Devices;

/// <summary>A slot: a physical USB port, named by the station's configuration.</summary>
/// <param name="Name">What operators call it ("slot 3").</param>
/// <param name="PortPath">The port's path: a Linux devpath such as <c>1-4.2</c>, a Windows location path, or a simulator port.</param>
public sealed record SlotDefinition(string Name, string PortPath);
