namespace Station.Images;

/// <summary>The container a firmware file came in.</summary>
public enum FirmwareFormat
{
    /// <summary>Raw bytes; the address comes from the caller.</summary>
    Binary,

    /// <summary>Intel HEX (record types 00-05).</summary>
    IntelHex,

    /// <summary>Motorola S-record (S0-S9).</summary>
    SRecord,

    /// <summary>ELF32 little-endian; PT_LOAD segments at their physical (load) addresses.</summary>
    Elf,
}
