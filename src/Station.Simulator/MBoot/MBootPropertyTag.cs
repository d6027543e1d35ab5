namespace Station.Simulator.MBoot;

/// <summary>The get-property tags the simulated RT10xx flashloader knows (PROTOCOLS 5).</summary>
internal enum MBootPropertyTag : uint
{
    CurrentVersion = 0x01,
    AvailablePeripherals = 0x02,
    AvailableCommands = 0x07,
    VerifyWrites = 0x0A,
    MaxPacketSize = 0x0B,
    ReservedRegions = 0x0C,
    RamStartAddress = 0x0E,
    RamSize = 0x0F,
    SecurityState = 0x11,
    UniqueDeviceId = 0x12,
    TargetVersion = 0x18,
    ExternalMemoryAttributes = 0x19,
}
