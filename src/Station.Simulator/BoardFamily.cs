namespace Station.Simulator;

/// <summary>
/// An i.MX RT10xx family as data: ROM USB identity (PROTOCOLS 8), memory map, FlexSPI base and
/// flash, OCOTP. RAM windows are the flashloader memory map's maximum FlexRAM banks (ITCM, DTCM,
/// OCRAM); RT1060/RT1064/RT1040 add OCRAM2 to the OCRAM window.
/// </summary>
/// <param name="Name">Family name, e.g. RT1064.</param>
/// <param name="RomProductId">ROM (SDP) USB idProduct; the vendor is 0x1FC9.</param>
/// <param name="FlexSpiBase">AMBA base of the FlexSPI NOR the flashloader programs (memory id 9).</param>
/// <param name="Flash">The NOR part.</param>
/// <param name="RamRegions">ITCM, DTCM, OCRAM.</param>
/// <param name="FuseWordCount">OCOTP words the flashloader accepts as efuse indexes (unverified per family).</param>
/// <param name="OcotpBase">OCOTP controller base; fuse shadow registers are at +0x400 + 0x10 × index.</param>
/// <param name="DefaultFlashloader">Where NXP's ivt_flashloader.bin for this family lives in RAM.</param>
public sealed record BoardFamily(
    string Name,
    ushort RomProductId,
    uint FlexSpiBase,
    FlashDevice Flash,
    IReadOnlyList<RamRegion> RamRegions,
    int FuseWordCount,
    uint OcotpBase,
    LoadedImage DefaultFlashloader)
{
    /// <summary>NXP's ROM vendor ID.</summary>
    public const ushort RomVendorId = 0x1FC9;

    /// <summary>The flashloader's USB identity (MCUBOOT usb_descriptor.c): VID 0x15A2.</summary>
    public const ushort FlashloaderVendorId = 0x15A2;

    /// <summary>The flashloader's USB identity: PID 0x0073.</summary>
    public const ushort FlashloaderProductId = 0x0073;

    private const uint Ocotp = 0x401F_4000;

    private static readonly RamRegion[] Ram128K =
        [new("ITCM", 0x0000_0000, 0x2_0000), new("DTCM", 0x2000_0000, 0x2_0000), new("OCRAM", 0x2020_0000, 0x2_0000)];

    private static readonly RamRegion[] Ram256K =
        [new("ITCM", 0x0000_0000, 0x4_0000), new("DTCM", 0x2000_0000, 0x4_0000), new("OCRAM", 0x2020_0000, 0x4_0000)];

    private static readonly RamRegion[] Ram512K =
        [new("ITCM", 0x0000_0000, 0x8_0000), new("DTCM", 0x2000_0000, 0x8_0000), new("OCRAM", 0x2020_0000, 0x8_0000)];

    private static readonly RamRegion[] Ram1M =
        [new("ITCM", 0x0000_0000, 0x8_0000), new("DTCM", 0x2000_0000, 0x8_0000), new("OCRAM", 0x2020_0000, 0x10_0000)];

    // Flashloader placement: tests/TestData/spsdk/<family>/ivt_flashloader.bin boot data
    // (RT1020 0x20208000 + 0xFE85, RT1050 0x20000000 + 0x15FB7, RT1060 0x20000000 + 0x161A1).
    private static readonly LoadedImage DtcmLoader = new(0x2000_0000, 0x1_61A1, 0x2000_0400);
    private static readonly LoadedImage OcramLoader = new(0x2020_8000, 0xFE85, 0x2020_8400);

    /// <summary>RT1010/RT1015: ROM 0x0145, 16 MiB quad SPI at 0x60000000 (EVK), 128 KiB FlexRAM.</summary>
    public static BoardFamily Rt1010 { get; } = new(
        "RT1010", 0x0145, 0x6000_0000, FlashDevice.QuadSpiNor("AT25SF128A", 16), Ram128K, 0x50, Ocotp, OcramLoader);

    /// <summary>RT1020: ROM 0x0130, 8 MiB quad SPI at 0x60000000 (EVK IS25LP064A).</summary>
    public static BoardFamily Rt1020 { get; } = new(
        "RT1020", 0x0130, 0x6000_0000, FlashDevice.QuadSpiNor("IS25LP064A", 8), Ram256K, 0x50, Ocotp, OcramLoader);

    /// <summary>RT1024: ROM 0x0130, 4 MiB W25Q32JV in package at 0x60000000.</summary>
    public static BoardFamily Rt1024 { get; } = new(
        "RT1024", 0x0130, 0x6000_0000, FlashDevice.W25Q32JV, Ram256K, 0x50, Ocotp, OcramLoader);

    /// <summary>RT1040: ROM 0x0135, 8 MiB quad SPI at 0x60000000.</summary>
    public static BoardFamily Rt1040 { get; } = new(
        "RT1040", 0x0135, 0x6000_0000, FlashDevice.QuadSpiNor("W25Q64JV", 8), Ram1M, 0x80, Ocotp, DtcmLoader);

    /// <summary>RT1050: ROM 0x0130, 64 MiB HyperFlash at 0x60000000 (EVK).</summary>
    public static BoardFamily Rt1050 { get; } = new(
        "RT1050", 0x0130, 0x6000_0000, FlashDevice.S26KS512S, Ram512K, 0x50, Ocotp, DtcmLoader with { Size = 0x1_5FB7 });

    /// <summary>RT1060/RT1062: ROM 0x0135, 8 MiB quad SPI at 0x60000000 (EVK IS25WP064A).</summary>
    public static BoardFamily Rt1060 { get; } = new(
        "RT1060", 0x0135, 0x6000_0000, FlashDevice.QuadSpiNor("IS25WP064A", 8), Ram1M, 0x80, Ocotp, DtcmLoader);

    /// <summary>RT1064: ROM 0x0135, 4 MiB W25Q32JV in package on FlexSPI2 at 0x70000000.</summary>
    public static BoardFamily Rt1064 { get; } = new(
        "RT1064", 0x0135, 0x7000_0000, FlashDevice.W25Q32JV, Ram1M, 0x80, Ocotp, DtcmLoader);

    /// <summary>Every family.</summary>
    public static IReadOnlyList<BoardFamily> All { get; } = [Rt1010, Rt1020, Rt1024, Rt1040, Rt1050, Rt1060, Rt1064];

    /// <summary>Finds a family by name: <c>RT1064</c>, <c>rt1064</c> or <c>1064</c> (RT1062 and RT1015 are aliases).</summary>
    public static BoardFamily Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToUpperInvariant();
        key = key.StartsWith("RT", StringComparison.Ordinal) ? key : "RT" + key;
        key = key switch
        {
            "RT1062" => "RT1060",
            "RT1015" => "RT1010",
            _ => key,
        };
        return All.FirstOrDefault(f => f.Name == key)
            ?? throw new ArgumentException($"Unknown board family '{name}'. Known: {string.Join(", ", All.Select(f => f.Name))}.", nameof(name));
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
