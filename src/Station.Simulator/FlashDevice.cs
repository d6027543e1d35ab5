namespace Station.Simulator;

/// <summary>The NOR flash behind a board's FlexSPI, with its datasheet timings.</summary>
/// <param name="Name">Part name.</param>
/// <param name="Kind">Quad SPI or HyperFlash.</param>
/// <param name="Size">Bytes.</param>
/// <param name="PageSize">Program page, bytes.</param>
/// <param name="SectorSize">Smallest erase unit, bytes.</param>
/// <param name="BlockSize">Block size reported in the FCB, bytes.</param>
/// <param name="SectorErase">Typical sector erase time.</param>
/// <param name="PageProgram">Typical page program time.</param>
/// <param name="ChipErase">Typical chip erase time.</param>
public sealed record FlashDevice(
    string Name,
    FlashKind Kind,
    int Size,
    int PageSize,
    int SectorSize,
    int BlockSize,
    TimeSpan SectorErase,
    TimeSpan PageProgram,
    TimeSpan ChipErase)
{
    private const int MiB = 1024 * 1024;

    /// <summary>
    /// Winbond W25Q32JV, 4 MiB (RT1064 and RT1024 in-package flash). Datasheet AC table, typical:
    /// tPP 0.4 ms per 256-byte page, tSE 45 ms per 4 KiB sector, tCE 10 s.
    /// </summary>
    public static FlashDevice W25Q32JV { get; } = new(
        "W25Q32JV", FlashKind.QuadSpi, 4 * MiB, 256, 4096, 64 * 1024,
        TimeSpan.FromMilliseconds(45), TimeSpan.FromMicroseconds(400), TimeSpan.FromSeconds(10));

    /// <summary>
    /// A W25Q-class quad SPI NOR of <paramref name="megabytes"/> MiB: the W25Q32JV page and sector
    /// timings, chip erase scaled with size (W25Q64JV/W25Q128JV typical 20 s / 40 s).
    /// </summary>
    public static FlashDevice QuadSpiNor(string name, int megabytes) => W25Q32JV with
    {
        Name = name,
        Size = megabytes * MiB,
        ChipErase = TimeSpan.FromSeconds(10.0 * megabytes / 4),
    };

    /// <summary>
    /// Cypress S26KS512S HyperFlash, 64 MiB (RT1050 EVK). Geometry from the part (512-byte write
    /// buffer, 256 KiB sectors); the timings are approximate (unverified).
    /// </summary>
    public static FlashDevice S26KS512S { get; } = new(
        "S26KS512S", FlashKind.HyperFlash, 64 * MiB, 512, 256 * 1024, 256 * 1024,
        TimeSpan.FromMilliseconds(930), TimeSpan.FromMicroseconds(475), TimeSpan.FromSeconds(240));
}
