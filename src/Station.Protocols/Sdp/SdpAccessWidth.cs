namespace Station.Protocols.Sdp;

/// <summary>Register access width of read-register and write-register, in bits (the command's format byte).</summary>
public enum SdpAccessWidth : byte
{
    /// <summary>8-bit access.</summary>
    Bits8 = 0x08,

    /// <summary>16-bit access.</summary>
    Bits16 = 0x10,

    /// <summary>32-bit access.</summary>
    Bits32 = 0x20,
}
