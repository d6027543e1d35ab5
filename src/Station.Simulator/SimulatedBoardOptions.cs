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
}
