namespace Station.Core.Devices;

/// <summary>What a board on a slot is running, as its USB identity tells.</summary>
public enum BoardMode
{
    /// <summary>The boot ROM in serial-download mode (SDP), VID 0x1FC9.</summary>
    Rom,

    /// <summary>NXP's flashloader (MBoot), 0x15A2:0x0073.</summary>
    Flashloader,
}
