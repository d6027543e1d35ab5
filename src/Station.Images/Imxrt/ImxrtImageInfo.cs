namespace Station.Images.Imxrt;

/// <summary>
/// What <see cref="ImxrtImageReader"/> found in a boot image: its shape, where it goes, and its FCB,
/// IVT, boot data and application. Offsets are into <see cref="Bytes"/>.
/// </summary>
public sealed record ImxrtImageInfo
{
    /// <summary>Full or nopadding.</summary>
    public required ImxrtImageKind Kind { get; init; }

    /// <summary>The image bytes as given.</summary>
    public required ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>Flash base implied by the IVT's self pointer (self − 0x1000).</summary>
    public required uint BaseAddress { get; init; }

    /// <summary>Where the first byte of <see cref="Bytes"/> is written: the base, or base + 0x1000 for nopadding.</summary>
    public required uint WriteAddress { get; init; }

    /// <summary>The FCB, when the image has one (full images only).</summary>
    public FlexSpiNorConfig? Fcb { get; init; }

    /// <summary>Offset of the FCB in <see cref="Bytes"/>, when present.</summary>
    public int? FcbOffset { get; init; }

    /// <summary>The IVT.</summary>
    public required ImageVectorTable Ivt { get; init; }

    /// <summary>Offset of the IVT in <see cref="Bytes"/>.</summary>
    public required int IvtOffset { get; init; }

    /// <summary>The boot data the IVT points to, when it lies inside the image.</summary>
    public BootData? BootData { get; init; }

    /// <summary>Offset of the application (vector table) in <see cref="Bytes"/>: IVT offset + 0x1000.</summary>
    public required int ApplicationOffset { get; init; }

    /// <summary>Absolute address of the application: base + 0x2000.</summary>
    public uint ApplicationAddress => BaseAddress + 0x2000;

    /// <summary>The application bytes (to the end of the file).</summary>
    public ReadOnlyMemory<byte> Application => ApplicationOffset <= Bytes.Length ? Bytes[ApplicationOffset..] : ReadOnlyMemory<byte>.Empty;

    /// <summary>The device guessed from the base (RT1064 for 0x70000000), when the caller did not give one.</summary>
    public ImxrtDevice? Device { get; init; }
}
