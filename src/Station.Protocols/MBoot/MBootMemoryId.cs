namespace Station.Protocols.MBoot;

/// <summary>
/// Memory identifier parameter: group &lt;&lt; 8 | device (PROTOCOLS.md 6.1; MCUBOOT <c>memory.h</c>;
/// SPSDK <c>memories.py</c>). Group 0 memories are memory-mapped: read, write, erase and fill find
/// the target by address, so 0 and 9 act alike for FlexSPI NOR; configure-memory and erase-all
/// use the ID to pick the interface. Group 1 memories need the ID everywhere.
/// </summary>
public enum MBootMemoryId : uint
{
    /// <summary>Internal or memory-mapped memory: the address decides.</summary>
    Internal = 0x000,

    /// <summary>QuadSPI 0.</summary>
    QuadSpi0 = 0x001,

    /// <summary>IFR0 / fuses (SB loader only).</summary>
    Fuse = 0x004,

    /// <summary>SEMC NOR.</summary>
    SemcNor = 0x008,

    /// <summary>FlexSPI NOR, the external boot flash of i.MX RT10xx.</summary>
    FlexSpiNor = 0x009,

    /// <summary>SPIFI NOR.</summary>
    SpifiNor = 0x00A,

    /// <summary>xSPI NOR.</summary>
    XspiNor = 0x00B,

    /// <summary>Flash execute-only region.</summary>
    FlashExecuteOnly = 0x010,

    /// <summary>SEMC NAND.</summary>
    SemcNand = 0x100,

    /// <summary>SPI (FlexSPI) NAND.</summary>
    SpiNand = 0x101,

    /// <summary>SPI NOR / EEPROM.</summary>
    SpiNorEeprom = 0x110,

    /// <summary>I2C NOR / EEPROM.</summary>
    I2cNorEeprom = 0x111,

    /// <summary>SD card.</summary>
    SdCard = 0x120,

    /// <summary>MMC / eMMC.</summary>
    Mmc = 0x121,
}
