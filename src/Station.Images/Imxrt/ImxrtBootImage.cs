namespace Station.Images.Imxrt;

/// <summary>
/// A built (or recognised) i.MX RT XIP boot image. <see cref="FullImage"/> starts at flash offset 0
/// (FCB area, fill, IVT, boot data, application); <see cref="NoPaddingImage"/> is the HAB container
/// that starts at the IVT and is written at base + 0x1000 (IMAGES.md A.1.3).
/// </summary>
public sealed class ImxrtBootImage
{
    internal ImxrtBootImage(ImxrtDevice device, uint baseAddress, FlexSpiNorConfig? fcb, ImageVectorTable ivt, BootData bootData, byte[] fullImage)
    {
        Device = device;
        BaseAddress = baseAddress;
        Fcb = fcb;
        Ivt = ivt;
        BootData = bootData;
        FullImage = fullImage;
    }

    /// <summary>The part it was built for.</summary>
    public ImxrtDevice Device { get; }

    /// <summary>AHB address of flash offset 0.</summary>
    public uint BaseAddress { get; }

    /// <summary>The FCB in the image, if one was placed.</summary>
    public FlexSpiNorConfig? Fcb { get; }

    /// <summary>The IVT at base + 0x1000.</summary>
    public ImageVectorTable Ivt { get; }

    /// <summary>The boot data at base + 0x1020.</summary>
    public BootData BootData { get; }

    /// <summary>The whole image from flash offset 0; write it at <see cref="BaseAddress"/>.</summary>
    public byte[] FullImage { get; }

    /// <summary>The image from the IVT on; write it at <see cref="NoPaddingAddress"/>.</summary>
    public byte[] NoPaddingImage => FullImage[Device.IvtOffset..];

    /// <summary>Where <see cref="NoPaddingImage"/> is written: base + 0x1000.</summary>
    public uint NoPaddingAddress => BaseAddress + (uint)Device.IvtOffset;

    /// <summary>Where the application starts: base + 0x2000.</summary>
    public uint ApplicationAddress => BaseAddress + (uint)Device.ApplicationOffset;

    /// <summary>The application bytes.</summary>
    public ReadOnlyMemory<byte> Application => FullImage.AsMemory(Device.ApplicationOffset);

    /// <summary>The full or nopadding image as a memory image at its flash address, for export.</summary>
    public FirmwareImage ToFirmwareImage(bool noPadding, string name) => noPadding
        ? FirmwareImage.FromBytes(name, FirmwareFormat.Binary, NoPaddingAddress, NoPaddingImage)
        : FirmwareImage.FromBytes(name, FirmwareFormat.Binary, BaseAddress, FullImage);
}
