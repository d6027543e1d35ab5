namespace Station.Images.Imxrt;

/// <summary>
/// A quad SPI NOR part the FCB generator knows. All presets are 3-byte-address parts (≤ 16 MiB) that
/// take the 1-4-4 0xEB read with 6 dummy clocks (IMAGES.md A.2).
/// </summary>
/// <param name="Name">Part name, e.g. "W25Q32JV".</param>
/// <param name="SizeBytes">Capacity.</param>
/// <param name="MaxQuadReadMhz">Highest 0xEB read clock from the datasheet.</param>
/// <param name="QuadEnableNote">What the user must know about the QE bit (the generated FCB does not set it).</param>
public sealed record FlashPreset(string Name, uint SizeBytes, int MaxQuadReadMhz, string QuadEnableNote)
{
    /// <summary>Program page size.</summary>
    public uint PageSize { get; init; } = 256;

    /// <summary>Smallest erase unit (0x20 erase).</summary>
    public uint SectorSize { get; init; } = 0x1000;

    /// <summary>Block erase unit (0xD8 erase).</summary>
    public uint BlockSize { get; init; } = 0x1_0000;
}
