using Station.Simulator.Faults;
using Station.Simulator.Memory;
using Station.Simulator.Timing;

namespace Station.Simulator.Sdp;

/// <summary>The ROM serial downloader's state between commands; a reset starts a fresh one.</summary>
internal sealed class RomState
{
    public RomState(BoardHardware hardware, DevicePacer pacer, FaultInjector faults, HabState hab)
    {
        Hardware = hardware;
        Pacer = pacer;
        Faults = faults;
        Hab = hab;
        Registers = new RomRegisters(hardware);
    }

    public BoardHardware Hardware { get; }

    public DevicePacer Pacer { get; }

    public FaultInjector Faults { get; }

    public HabState Hab { get; }

    public RomRegisters Registers { get; }

    public uint HabMode => Hab == HabState.Open ? SdpStatus.HabOpen : SdpStatus.HabClosed;

    /// <summary>What ERROR_STATUS reports: HAB success until something fails.</summary>
    public uint ErrorStatus { get; set; } = SdpStatus.HabSuccess;

    /// <summary>One command at a time, even while a replaced host session is still winding down.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Set by SKIP_DCD_HEADER: the next jump ignores the image's DCD.</summary>
    public bool SkipDcd { get; set; }
}
