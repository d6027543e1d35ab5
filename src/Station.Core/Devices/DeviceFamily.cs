using Station.Core.Fuses;

namespace Station.Core.Devices;

/// <summary>
/// What the station needs to know of one i.MX RT10xx part: how its ROM shows up on USB, where its
/// boot flash is mapped, and its fuse map (PROTOCOLS.md 8; IMAGES.md A.1).
/// </summary>
/// <param name="Name">The canonical part name, e.g. <c>MIMXRT1064</c>.</param>
/// <param name="Aliases">Other names engineers use for the same family (<c>RT1064</c>, <c>MIMXRT1064DVL6A</c> prefixes are matched too).</param>
/// <param name="RomProductId">The ROM's USB product ID (vendor 0x1FC9) in serial-download mode.</param>
/// <param name="FlexSpiBase">The AHB address the boot flash is mapped at.</param>
/// <param name="FlashSize">Size of the boot flash the station may write, in bytes.</param>
/// <param name="Fuses">The fuse map.</param>
/// <param name="FcbOffset">Where the FlexSPI configuration block sits in the boot flash (0x400 on RT1010, else 0).</param>
public sealed record DeviceFamily(
    string Name, IReadOnlyList<string> Aliases, ushort RomProductId, uint FlexSpiBase, uint FlashSize, FuseMap Fuses, uint FcbOffset = 0)
{
    /// <summary>NXP's ROM vendor ID.</summary>
    public const ushort RomVendorId = 0x1FC9;

    /// <summary>The flashloader's USB identity, the same on every RT10xx (PROTOCOLS.md 8).</summary>
    public const ushort FlashloaderVendorId = 0x15A2;

    /// <summary>The flashloader's USB product ID.</summary>
    public const ushort FlashloaderProductId = 0x0073;

    /// <summary>The families the station knows.</summary>
    public static IReadOnlyList<DeviceFamily> All { get; } =
    [
        // RT1010's FCB sits at 0x400 and its fuse map is a subset of the common one.
        new("MIMXRT1011", ["RT1010", "RT1011", "MIMXRT1015", "RT1015"], 0x0145, 0x6000_0000, 16 * 1024 * 1024, FuseMap.Rt10xx, FcbOffset: 0x400),
        new("MIMXRT1021", ["RT1020", "RT1021", "MIMXRT1024", "RT1024"], 0x0130, 0x6000_0000, 16 * 1024 * 1024, FuseMap.Rt10xx),
        new("MIMXRT1042", ["RT1040", "RT1042", "MIMXRT1043", "MIMXRT1046"], 0x0135, 0x6000_0000, 16 * 1024 * 1024, FuseMap.Rt10xx),
        new("MIMXRT1052", ["RT1050", "RT1052", "MIMXRT1051"], 0x0130, 0x6000_0000, 64 * 1024 * 1024, FuseMap.Rt10xx),
        new("MIMXRT1062", ["RT1060", "RT1062", "MIMXRT1061"], 0x0135, 0x6000_0000, 16 * 1024 * 1024, FuseMap.Rt10xx),
        // RT1064 boots from its in-package 4 MB W25Q32JV on FlexSPI2.
        new("MIMXRT1064", ["RT1064"], 0x0135, 0x7000_0000, 4 * 1024 * 1024, FuseMap.Rt10xx),
    ];

    /// <summary>Finds a family by name or alias, case-insensitive; full part numbers match by prefix.</summary>
    public static DeviceFamily? Find(string name)
    {
        var trimmed = name.Trim();
        return All.FirstOrDefault(f => Matches(f.Name) || f.Aliases.Any(Matches));

        bool Matches(string candidate) =>
            string.Equals(candidate, trimmed, StringComparison.OrdinalIgnoreCase)
            || (candidate.StartsWith("MIMXRT", StringComparison.Ordinal) && trimmed.StartsWith(candidate, StringComparison.OrdinalIgnoreCase));
    }
}
