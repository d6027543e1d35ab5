namespace Station.Protocols.Sdp;

/// <summary>SDP command types (PROTOCOLS.md 7.3; SPSDK <c>spsdk/sdp/commands.py</c> CommandTag).</summary>
public enum SdpCommandType : ushort
{
    /// <summary>Read registers or memory.</summary>
    ReadRegister = 0x0101,

    /// <summary>Write one register (8, 16 or 32 bits).</summary>
    WriteRegister = 0x0202,

    /// <summary>Write a file (the flashloader) to memory.</summary>
    WriteFile = 0x0404,

    /// <summary>Read the global error status.</summary>
    ErrorStatus = 0x0505,

    /// <summary>Write the HAB command sequence file.</summary>
    WriteCsf = 0x0606,

    /// <summary>Write and run a device configuration data blob.</summary>
    DcdWrite = 0x0A0A,

    /// <summary>Jump to the IVT at the address: authenticate and run the loaded image.</summary>
    JumpAddress = 0x0B0B,

    /// <summary>Skip the DCD of the next image.</summary>
    SkipDcdHeader = 0x0C0C,
}
