using System.Security.Cryptography;
using Station.Images.Arm;
using Station.Images.Formats;
using Station.Images.Imxrt;
using Station.Images.Mcuboot;

namespace Station.Images.Inspect;

/// <summary>
/// Recognises a firmware file and describes it. The container (ELF, HEX, SREC, BIN) is detected
/// from the content; the data is then flattened (gaps = 0xFF, as erased flash) and classified:
/// MCUboot by its header magic, an i.MX RT full image by an IVT at 0x1000, a nopadding image by an
/// IVT at 0, anything else as a plain application.
/// </summary>
public static class ImageInspector
{
    /// <summary>Inspects a file's bytes.</summary>
    /// <param name="bytes">The file.</param>
    /// <param name="name">Its name, for messages.</param>
    /// <param name="address">Where a .bin is written, if the caller knows; ignored for HEX/SREC/ELF.</param>
    /// <param name="device">The i.MX RT part, if known (for the FCB offset and clock table).</param>
    /// <exception cref="ImageFormatException">The file is empty, truncated or corrupt.</exception>
    public static ImageInspection Inspect(ReadOnlyMemory<byte> bytes, string name, uint? address = null, ImxrtDevice? device = null)
    {
        var format = FirmwareReader.Detect(bytes.Span);
        var image = FirmwareReader.Read(bytes.Span, name, address ?? 0);
        var notes = new List<string>();
        byte[]? flat = null;
        try
        {
            flat = format == FirmwareFormat.Binary ? bytes.ToArray() : image.ToFlat(0xFF);
        }
        catch (ImageFormatException ex)
        {
            notes.Add($"no SHA-256: {ex.Problem}");
        }

        var known = format == FirmwareFormat.Binary ? address : image.StartAddress;
        var result = new ImageInspection
        {
            Name = name,
            Format = format,
            Kind = ImageKind.Application,
            Image = image,
            Address = known,
            Length = image.Span,
            Sha256 = flat is null ? null : Convert.ToHexStringLower(SHA256.HashData(flat)),
            EntryPoint = image.EntryPoint,
            Notes = notes,
        };

        if (flat is null)
        {
            return result;
        }

        if (McubootImage.HasMagic(flat))
        {
            var mcuboot = McubootImage.Parse(flat, name);
            var vectors = CortexMVectorTable.TryRead(mcuboot.Payload.Span, (known ?? 0) + mcuboot.Header.HeaderSize);
            return result with { Kind = ImageKind.Mcuboot, Mcuboot = mcuboot, VectorTable = vectors };
        }

        if (ImxrtImageReader.TryRead(flat, device) is { } imxrt)
        {
            var vectors = CortexMVectorTable.TryRead(imxrt.Application.Span, imxrt.ApplicationAddress);
            return result with
            {
                Kind = imxrt.Kind == ImxrtImageKind.Full ? ImageKind.ImxrtFull : ImageKind.ImxrtNoPadding,
                Imxrt = imxrt,
                Address = known ?? imxrt.WriteAddress,
                VectorTable = vectors,
            };
        }

        return result with { VectorTable = CortexMVectorTable.TryRead(flat, known ?? 0) };
    }
}
