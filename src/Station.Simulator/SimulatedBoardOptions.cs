namespace Station.Simulator;

/// <summary>How a <see cref="SimulatedBoard"/> is built.</summary>
public sealed record SimulatedBoardOptions
{
    /// <summary>
    /// The board's name: it seeds the fault randomness and the default unique ID, so give boards
    /// names for runs that must repeat across processes. Default: family and a process-wide counter.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>HAB open (default) or closed.</summary>
    public HabState Hab { get; init; } = HabState.Open;

    /// <summary>What the ROM boots after reset and power-on.</summary>
    public BootSource BootSource { get; init; } = BootSource.SerialDownloader;

    /// <summary>
    /// On its first power-on the board comes up running the flashloader, as if it had been loaded
    /// over SDP (its reserved region is the family's default flashloader placement).
    /// </summary>
    public bool StartInFlashloader { get; init; }

    /// <summary>Timing model and scale (default: instant).</summary>
    public SimulatorTiming Timing { get; init; } = SimulatorTiming.Instant;

    /// <summary>Faults to inject (default: none).</summary>
    public FaultPlan Faults { get; init; } = FaultPlan.None;

    /// <summary>The clock for every delay, stall and transport timeout of this board.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The chip unique ID (OCOTP CFG0/CFG1); default derived from <see cref="Name"/>.</summary>
    public ulong? UniqueId { get; init; }

    /// <summary>eFuse words already burned at manufacture (index → value), e.g. to test conflicts.</summary>
    public IReadOnlyDictionary<int, uint>? Fuses { get; init; }

    /// <summary>
    /// A file that keeps the eFuses across processes (null: they live as long as the board object).
    /// Every accepted efuse-program-once is appended to it as a line (<c>program INDEX 0xVALUE
    /// lock=0|1 missed=0xBITS</c>, after a header <c>station-sim-fuses chip 0xUID</c>) before it
    /// takes effect, and a board built on an existing file starts with those words burned. So a
    /// board outlives a process killed at any point, mid-burn included, and the file counts every
    /// burn the word ever took (issue 8's kill test). A file of another chip is refused.
    /// </summary>
    public string? FuseFile { get; init; }
}
