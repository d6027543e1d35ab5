using System.Buffers.Binary;

namespace Station.Images.Imxrt;

/// <summary>
/// Builds an unsigned FlexSPI NOR XIP boot image the way SPSDK/SPT do (IMAGES.md A.1.4), byte for
/// byte: IVT <c>D1 00 20 40</c> with entry = reset vector, boot data {base, 0x2000 + app length, 0},
/// zeros to 0x1000 inside the HAB container, the application at 0x2000, the FCB at its offset and the
/// chosen fill elsewhere before the IVT.
/// </summary>
public static class ImxrtBootImageBuilder
{
    private const int MinimumApplication = 8; // initial SP + reset vector

    /// <summary>Builds the boot image around <paramref name="application"/>, which must start at base + 0x2000.</summary>
    /// <exception cref="ImageFormatException">
    /// The application is empty, already has a boot header, starts elsewhere than base + 0x2000, or does not fit the flash region.
    /// </exception>
    public static ImxrtBootImage Build(FirmwareImage application, ImxrtBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(options);
        var device = options.Device;
        var baseAddress = options.EffectiveBase;
        var appAddress = device.ApplicationAddress(baseAddress);
        CheckPlacement(application, device, baseAddress, appAddress);

        var appLength = checked((int)application.Span);
        var full = new byte[device.ApplicationOffset + appLength];
        full.AsSpan(0, device.IvtOffset).Fill(options.Fill);
        if (options.Fcb is { } fcb)
        {
            if (!fcb.HasValidTag)
            {
                throw new ImageFormatException(fcb.Source, $"not an FCB: the tag is 0x{fcb.Tag:X8}, not \"FCFB\" (0x{FlexSpiNorConfig.ExpectedTag:X8})");
            }

            fcb.Bytes.Span.CopyTo(full.AsSpan(device.FcbOffset));
        }

        // Inside the HAB container everything between the boot data and the application is 0x00.
        var app = application.Read(appAddress, appLength, options.Fill);
        app.CopyTo(full.AsSpan(device.ApplicationOffset));
        var entry = options.EntryPoint ?? BinaryPrimitives.ReadUInt32LittleEndian(app.AsSpan(4));
        var ivt = new ImageVectorTable(
            Version: options.IvtVersion,
            Entry: entry,
            Dcd: 0,
            BootData: baseAddress + (uint)device.BootDataOffset,
            Self: device.IvtAddress(baseAddress),
            Csf: 0);
        var bootData = new BootData(baseAddress, (uint)(device.ApplicationOffset + appLength), Plugin: 0);
        ivt.Write(full.AsSpan(device.IvtOffset));
        bootData.Write(full.AsSpan(device.BootDataOffset));
        return new ImxrtBootImage(device, baseAddress, options.Fcb, ivt, bootData, full);
    }

    private static void CheckPlacement(FirmwareImage application, ImxrtDevice device, uint baseAddress, uint appAddress)
    {
        var name = application.Name;
        if (application.IsEmpty)
        {
            throw new ImageFormatException(name, "the application is empty");
        }

        if (HasBootHeader(application, device))
        {
            throw new ImageFormatException(name, $"already a boot image (it holds an FCB or IVT, e.g. built with XIP_BOOT_HEADER_ENABLE=1): program it as it is at 0x{baseAddress:X8}, do not wrap it again");
        }

        if (application.StartAddress < baseAddress)
        {
            throw new ImageFormatException(name, $"data at 0x{application.StartAddress:X8} lies below the {device.Name} flash base 0x{baseAddress:X8}");
        }

        if (application.StartAddress != appAddress)
        {
            throw new ImageFormatException(name, $"the application starts at 0x{application.StartAddress:X8} but must start at 0x{appAddress:X8} (base + 0x{device.ApplicationOffset:X}): link it there, or for a .bin give that address");
        }

        if (application.Span < MinimumApplication)
        {
            throw new ImageFormatException(name, $"the application is {application.Span} bytes, too short for a vector table");
        }

        var limit = (ulong)baseAddress + device.FlashRegionSize;
        if (application.EndAddress > limit)
        {
            throw new ImageFormatException(name, $"the application ends at 0x{application.EndAddress:X8}, past the {device.Name} flash region 0x{baseAddress:X8}-0x{limit - 1:X8}");
        }
    }

    // A full image has "FCFB" at its FCB offset or an IVT at 0x1000; a nopadding image starts with an IVT.
    private static bool HasBootHeader(FirmwareImage application, ImxrtDevice device)
    {
        var start = application.StartAddress;
        return application.ReadUInt32(start + (uint)device.FcbOffset) == FlexSpiNorConfig.ExpectedTag
            || application.ReadUInt32(start) == FlexSpiNorConfig.ExpectedTag
            || ImageVectorTable.HasHeader(application.Read(start, ImageVectorTable.Length, 0))
            || (application.Contains(start + (uint)device.IvtOffset) && ImageVectorTable.HasHeader(application.Read(start + (uint)device.IvtOffset, ImageVectorTable.Length, 0)));
    }
}
