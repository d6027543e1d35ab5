namespace Station.Images.Imxrt;

/// <summary>
/// The i.MX RT10xx device profiles (data, not code). Sources: IMAGES.md A.1 (bases, FCB offset),
/// A.1.1 (serialClkFreq tables) and the reference manuals' memory maps (FlexRAM, OCRAM, SEMC).
/// RT1040's clock table follows RT1060 (inferred: the SDK header lists the same enum).
/// </summary>
public static class ImxrtDevices
{
    private const uint FlexSpiWindow = 0x1000_0000; // 256 MiB AHB window
    private const uint InPackageFlash = 0x40_0000; // 4 MiB W25Q32JV (RT1024, RT1064)

    private static readonly int[] ClocksRt1010 = [30, 50, 60, 75, 80, 100, 120, 133];
    private static readonly int[] ClocksRt102x = [30, 50, 60, 75, 80, 100, 133];
    private static readonly int[] ClocksRt105x = [30, 50, 60, 75, 80, 100, 133, 166, 200];
    private static readonly int[] ClocksRt106x = [30, 50, 60, 75, 80, 100, 120, 133, 166];

    private static readonly MemoryRegion Sdram = new("SDRAM", 0x8000_0000, 0x2000_0000, NeedsInitialisation: true);

    /// <summary>Every known part.</summary>
    public static IReadOnlyList<ImxrtDevice> All { get; } =
    [
        new("MIMXRT1010", ["RT1010", "MIMXRT1011", "RT1011"], 0x6000_0000, FlexSpiWindow, 0x400, ClocksRt1010, FlexRam(128 * 1024, 128 * 1024)),
        new("MIMXRT1020", ["RT1020", "MIMXRT1021", "RT1021"], 0x6000_0000, FlexSpiWindow, 0, ClocksRt102x, [.. FlexRam(256 * 1024, 256 * 1024), Sdram]),
        new("MIMXRT1024", ["RT1024"], 0x6000_0000, InPackageFlash, 0, ClocksRt102x, [.. FlexRam(256 * 1024, 256 * 1024), Sdram]),
        new("MIMXRT1040", ["RT1040", "MIMXRT1042", "RT1042"], 0x6000_0000, FlexSpiWindow, 0, ClocksRt106x, [.. FlexRam(512 * 1024, 512 * 1024), Sdram]),
        new("MIMXRT1050", ["RT1050", "MIMXRT1051", "RT1051", "MIMXRT1052", "RT1052"], 0x6000_0000, FlexSpiWindow, 0, ClocksRt105x, [.. FlexRam(512 * 1024, 512 * 1024), Sdram]),
        new("MIMXRT1060", ["RT1060", "MIMXRT1061", "RT1061", "MIMXRT1062", "RT1062"], 0x6000_0000, FlexSpiWindow, 0, ClocksRt106x, [.. FlexRam(512 * 1024, 1024 * 1024), Sdram]),
        new("MIMXRT1064", ["RT1064"], 0x7000_0000, InPackageFlash, 0, ClocksRt106x, [.. FlexRam(512 * 1024, 1024 * 1024), Sdram]),
    ];

    /// <summary>
    /// Finds a part by name, case-insensitively: "MIMXRT1064", "rt1064", or a full part number such as
    /// "MIMXRT1062DVL6A" (matched by its RT10xx prefix). Null when unknown.
    /// </summary>
    public static ImxrtDevice? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = new string(name.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (key.StartsWith("MIMX", StringComparison.Ordinal))
        {
            key = key[4..];
        }

        // Part numbers carry suffixes (DVL6A, CVJ5B…): compare the "RT10xx" stem.
        var stem = key.Length > 6 ? key[..6] : key;
        return All.FirstOrDefault(d => Stem(d.Name) == stem || d.Aliases.Any(a => Stem(a) == stem));
    }

    /// <summary>The canonical names, for "unknown device" messages.</summary>
    public static string KnownNames => string.Join(", ", All.Select(d => d.Name));

    private static string Stem(string name) => name.StartsWith("MIMX", StringComparison.Ordinal) ? name[4..] : name;

    // ITCM/DTCM/OCRAM aliases of FlexRAM (largest configuration) plus the dedicated OCRAM.
    private static MemoryRegion[] FlexRam(uint tcmMax, uint ocramSize) =>
    [
        new("ITCM", 0x0000_0000, tcmMax),
        new("DTCM", 0x2000_0000, tcmMax),
        new("OCRAM", 0x2020_0000, ocramSize),
    ];
}
