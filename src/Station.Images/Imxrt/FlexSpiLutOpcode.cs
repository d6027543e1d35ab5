namespace Station.Images.Imxrt;

/// <summary>FlexSPI LUT instruction opcodes (6 bits; DDR variants = SDR + 0x20). IMAGES.md A.1.1.</summary>
public enum FlexSpiLutOpcode : byte
{
    /// <summary>End of sequence.</summary>
    Stop = 0x00,
    /// <summary>Command byte, SDR.</summary>
    CmdSdr = 0x01,
    /// <summary>Row address, SDR; operand = address bits.</summary>
    RaddrSdr = 0x02,
    /// <summary>Column address, SDR.</summary>
    CaddrSdr = 0x03,
    /// <summary>1-bit mode, SDR.</summary>
    Mode1Sdr = 0x04,
    /// <summary>2-bit mode, SDR.</summary>
    Mode2Sdr = 0x05,
    /// <summary>4-bit mode, SDR.</summary>
    Mode4Sdr = 0x06,
    /// <summary>8-bit mode, SDR.</summary>
    Mode8Sdr = 0x07,
    /// <summary>Write data, SDR.</summary>
    WriteSdr = 0x08,
    /// <summary>Read data, SDR.</summary>
    ReadSdr = 0x09,
    /// <summary>Learn pattern, SDR.</summary>
    LearnSdr = 0x0A,
    /// <summary>Data size, SDR.</summary>
    DatszSdr = 0x0B,
    /// <summary>Dummy cycles, SDR.</summary>
    DummySdr = 0x0C,
    /// <summary>Dummy cycles from RWDS, SDR.</summary>
    DummyRwdsSdr = 0x0D,
    /// <summary>Jump on chip-select deassert.</summary>
    JmpOnCs = 0x1F,
    /// <summary>Command byte, DDR.</summary>
    CmdDdr = 0x21,
    /// <summary>Row address, DDR.</summary>
    RaddrDdr = 0x22,
    /// <summary>Column address, DDR.</summary>
    CaddrDdr = 0x23,
    /// <summary>1-bit mode, DDR.</summary>
    Mode1Ddr = 0x24,
    /// <summary>2-bit mode, DDR.</summary>
    Mode2Ddr = 0x25,
    /// <summary>4-bit mode, DDR.</summary>
    Mode4Ddr = 0x26,
    /// <summary>8-bit mode, DDR.</summary>
    Mode8Ddr = 0x27,
    /// <summary>Write data, DDR.</summary>
    WriteDdr = 0x28,
    /// <summary>Read data, DDR.</summary>
    ReadDdr = 0x29,
    /// <summary>Learn pattern, DDR.</summary>
    LearnDdr = 0x2A,
    /// <summary>Data size, DDR.</summary>
    DatszDdr = 0x2B,
    /// <summary>Dummy cycles, DDR.</summary>
    DummyDdr = 0x2C,
    /// <summary>Dummy cycles from RWDS, DDR.</summary>
    DummyRwdsDdr = 0x2D,
}
