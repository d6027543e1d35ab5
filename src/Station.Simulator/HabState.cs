namespace Station.Simulator;

/// <summary>The board's HAB configuration (PROTOCOLS 7.3).</summary>
public enum HabState
{
    /// <summary>HAB disabled (open): the ROM reports 0x56787856 and runs any valid IVT.</summary>
    Open,

    /// <summary>HAB enabled (closed): the ROM reports 0x12343412 and jumps only to images with a CSF.</summary>
    Closed,
}
