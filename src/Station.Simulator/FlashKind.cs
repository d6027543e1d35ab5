namespace Station.Simulator;

/// <summary>The kind of FlexSPI NOR on a board, which decides which option-word device types work.</summary>
public enum FlashKind
{
    /// <summary>Quad SPI NOR (JESD216 SFDP): option device types 0 (SDR) and 1 (DDR).</summary>
    QuadSpi,

    /// <summary>HyperFlash: option device types 2 (1V8) and 3 (3V).</summary>
    HyperFlash,
}
