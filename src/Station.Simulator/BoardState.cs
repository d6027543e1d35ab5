namespace Station.Simulator;

/// <summary>What a simulated board is running.</summary>
public enum BoardState
{
    /// <summary>Unpowered (not plugged in, not served).</summary>
    Off,

    /// <summary>Between two states: booting, resetting or re-enumerating; not on the bus.</summary>
    Booting,

    /// <summary>The boot ROM's serial downloader (SDP); on USB as 0x1FC9:family PID.</summary>
    Rom,

    /// <summary>The RAM flashloader (MBoot); on USB as 0x15A2:0x0073.</summary>
    Flashloader,

    /// <summary>An application (after execute, or internal boot of a valid image); not on the bus.</summary>
    Application,
}
