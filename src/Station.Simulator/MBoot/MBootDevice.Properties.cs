using Station.Simulator.Memory;

namespace Station.Simulator.MBoot;

internal sealed partial class MBootDevice
{
    /// <summary>'K' 2.1.0 (PROTOCOLS 5: 1258422528 = 0x4B020100).</summary>
    public const uint CurrentVersion = 0x4B02_0100;

    /// <summary>'T' 1.0.0 (unverified; the RT10xx target version is not in the sources read).</summary>
    public const uint TargetVersion = 0x5401_0000;

    /// <summary>Available peripherals: UART (0x01) and USB-HID (0x10).</summary>
    public const uint AvailablePeripherals = 0x11;

    /// <summary>HAS_CMD(tag) = 1 &lt;&lt; (tag - 1) for every supported command.</summary>
    public static uint AvailableCommands { get; } = Supported.Aggregate(0u, (mask, tag) => mask | (1u << ((int)tag - 1)));

    private async ValueTask GetPropertyAsync(MBootCommandPacket command, CancellationToken cancellationToken)
    {
        var status = GetProperty((MBootPropertyTag)command[0], command[1], out var values);
        await RespondAsync(MBootResponse.GetProperty(status, status == MBootStatus.Success ? values : []), cancellationToken);
    }

    private MBootStatus GetProperty(MBootPropertyTag tag, uint index, out uint[] values)
    {
        var ram = _state.Hardware.Family.RamRegions;
        var reserved = _state.Memory.Reserved;
        values = [];
        switch (tag)
        {
            case MBootPropertyTag.CurrentVersion:
                values = [CurrentVersion];
                return MBootStatus.Success;
            case MBootPropertyTag.AvailablePeripherals:
                values = [AvailablePeripherals];
                return MBootStatus.Success;
            case MBootPropertyTag.AvailableCommands:
                values = [AvailableCommands];
                return MBootStatus.Success;
            case MBootPropertyTag.VerifyWrites:
                values = [1];
                return MBootStatus.Success;
            case MBootPropertyTag.MaxPacketSize:
                values = [(uint)_link.MaxPacketSize];
                return MBootStatus.Success;
            case MBootPropertyTag.ReservedRegions:
                // flashStart, flashEnd, ramStart, ramEnd (inclusive); RT10xx has no internal flash.
                values = [0, 0, reserved.Start, reserved.End];
                return MBootStatus.Success;
            case MBootPropertyTag.RamStartAddress or MBootPropertyTag.RamSize:
                if (index >= ram.Count)
                {
                    return MBootStatus.InvalidArgument;
                }

                values = [tag == MBootPropertyTag.RamStartAddress ? ram[(int)index].Start : (uint)ram[(int)index].Size];
                return MBootStatus.Success;
            case MBootPropertyTag.SecurityState:
                values = [_state.Hab == HabState.Closed ? 1u : 0u];
                return MBootStatus.Success;
            case MBootPropertyTag.UniqueDeviceId:
                var fuses = _state.Hardware.Fuses;
                values = [fuses.Read(OcotpFuses.Cfg0Index), fuses.Read(OcotpFuses.Cfg1Index)];
                return MBootStatus.Success;
            case MBootPropertyTag.TargetVersion:
                values = [TargetVersion];
                return MBootStatus.Success;
            case MBootPropertyTag.ExternalMemoryAttributes:
                return index == FlashloaderMemory.FlexSpiNorMemoryId
                    ? _state.Memory.FlexSpi.GetAttributes(out values)
                    : MBootStatus.InvalidArgument;
            default:
                return MBootStatus.UnknownProperty;
        }
    }

    /// <summary>Every property this flashloader knows is read-only (PROTOCOLS 3.4); others are unknown.</summary>
    private static MBootStatus SetProperty(uint tag) =>
        Enum.IsDefined((MBootPropertyTag)tag) ? MBootStatus.ReadOnlyProperty : MBootStatus.UnknownProperty;
}
