namespace Station.Images.Imxrt;

/// <summary>
/// What the boot image builder and linter need to know about one i.MX RT10xx part: where the boot
/// flash is mapped, where the FCB, IVT and application go, how its ROM reads the FCB clock byte, and
/// where RAM is (for the initial stack pointer check). IMAGES.md A.1, A.1.1.
/// </summary>
/// <param name="Name">Canonical name, e.g. "MIMXRT1064".</param>
/// <param name="Aliases">Other names the user may type ("RT1064", part numbers are matched by prefix).</param>
/// <param name="FlexSpiBase">AHB address of flash offset 0 (0x60000000; 0x70000000 for RT1064's in-package flash).</param>
/// <param name="FlashRegionSize">How much flash the image may use when the FCB does not say (4 MiB for the in-package parts, else the 256 MiB FlexSPI window).</param>
/// <param name="FcbOffset">Flash offset of the FCB (0; 0x400 on RT1010).</param>
/// <param name="SerialClockMhz">FCB serialClkFreq encoding: element i is the frequency of code i + 1.</param>
/// <param name="Ram">RAM regions an initial stack pointer may point into.</param>
public sealed record ImxrtDevice(
    string Name,
    IReadOnlyList<string> Aliases,
    uint FlexSpiBase,
    uint FlashRegionSize,
    int FcbOffset,
    IReadOnlyList<int> SerialClockMhz,
    IReadOnlyList<MemoryRegion> Ram)
{
    /// <summary>Flash offset of the IVT; the ROM looks for it at 0x1000 on FlexSPI NOR.</summary>
    public int IvtOffset { get; init; } = 0x1000;

    /// <summary>Flash offset of the boot data, right after the 32-byte IVT.</summary>
    public int BootDataOffset { get; init; } = 0x1020;

    /// <summary>Flash offset of the application ("initial load size" 0x2000).</summary>
    public int ApplicationOffset { get; init; } = 0x2000;

    /// <summary>AHB address of the IVT.</summary>
    public uint IvtAddress(uint baseAddress) => baseAddress + (uint)IvtOffset;

    /// <summary>AHB address the application must be linked at.</summary>
    public uint ApplicationAddress(uint baseAddress) => baseAddress + (uint)ApplicationOffset;

    /// <summary>The frequency an FCB clock code means on this part, or null when the ROM does not know the code.</summary>
    public int? ClockMhz(byte code) => code >= 1 && code <= SerialClockMhz.Count ? SerialClockMhz[code - 1] : null;

    /// <summary>The RAM region holding <paramref name="stackTop"/> as an initial stack pointer, if any.</summary>
    public MemoryRegion? RamHoldingStackTop(uint stackTop) => Ram.FirstOrDefault(r => r.HoldsStackTop(stackTop));

    /// <inheritdoc/>
    public override string ToString() => Name;
}
