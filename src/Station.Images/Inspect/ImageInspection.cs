using Station.Images.Arm;
using Station.Images.Imxrt;
using Station.Images.Mcuboot;

namespace Station.Images.Inspect;

/// <summary>Everything <see cref="ImageInspector"/> found out about a file.</summary>
public sealed record ImageInspection
{
    /// <summary>The file.</summary>
    public required string Name { get; init; }

    /// <summary>The container format.</summary>
    public required FirmwareFormat Format { get; init; }

    /// <summary>What the content is.</summary>
    public required ImageKind Kind { get; init; }

    /// <summary>The data as a memory image (a .bin at its address, known or assumed).</summary>
    public required FirmwareImage Image { get; init; }

    /// <summary>
    /// Where the first byte is written: from the file for HEX/SREC/ELF, from the IVT for a boot image
    /// .bin, from the caller otherwise; null when nobody knows (a .bin application or MCUboot image
    /// without --address).
    /// </summary>
    public uint? Address { get; init; }

    /// <summary>Bytes that would be written (gaps included, filled with 0xFF).</summary>
    public long Length { get; init; }

    /// <summary>SHA-256 (lower-case hex) of exactly those bytes; null when the data is too spread out to flatten.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Entry point from the file (ELF e_entry, HEX 03/05, S7-S9), if it had one.</summary>
    public uint? EntryPoint { get; init; }

    /// <summary>The i.MX RT boot image details, for boot images.</summary>
    public ImxrtImageInfo? Imxrt { get; init; }

    /// <summary>The MCUboot image details, for MCUboot images.</summary>
    public McubootImage? Mcuboot { get; init; }

    /// <summary>The application's vector table (after the boot header or MCUboot header), if readable.</summary>
    public CortexMVectorTable? VectorTable { get; init; }

    /// <summary>Remarks that do not fit elsewhere (e.g. why no SHA-256).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
