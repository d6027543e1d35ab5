using Station.Simulator.Faults;
using Station.Simulator.Memory;
using Station.Simulator.Timing;

namespace Station.Simulator.MBoot;

/// <summary>
/// A running RAM flashloader: its memory interface and FlexSPI controller state, which last
/// across host sessions (re-open, USB glitch) until reset or power loss.
/// </summary>
internal sealed class FlashloaderState
{
    public FlashloaderState(BoardHardware hardware, DevicePacer pacer, FaultInjector faults, SimulatorTiming timing, HabState hab, LoadedImage image)
    {
        Hardware = hardware;
        Pacer = pacer;
        Faults = faults;
        Timing = timing;
        Hab = hab;
        Memory = new FlashloaderMemory(hardware, new FlexSpiNor(hardware, pacer, faults), image);
    }

    public BoardHardware Hardware { get; }

    public DevicePacer Pacer { get; }

    public FaultInjector Faults { get; }

    public SimulatorTiming Timing { get; }

    public HabState Hab { get; }

    public FlashloaderMemory Memory { get; }

    /// <summary>One command at a time, even while a replaced host session is still winding down.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);
}
