using System.CommandLine;
using System.Text.Json.Nodes;
using Station.Images;
using Station.Images.Formats;
using Station.Images.Mcuboot;
using Station.Images.Signing;
using static Station.Cli.Commands.ImageCommandLine;

namespace Station.Cli.Commands;

/// <summary>
/// <c>station mcuboot sign|verify|inspect|lint</c>: MCUboot images as imgtool makes them
/// (Station.Images; IMAGES.md part B).
/// </summary>
internal static partial class McubootCommands
{
    public static Command Create() => new("mcuboot", "Sign, verify, inspect and lint MCUboot images (Zephyr, nRF Connect), compatible with imgtool.")
    {
        SignCommand(),
        VerifyCommand(),
        InspectCommand(),
        LintCommand(),
    };

    internal static JsonObject ImageJson(McubootImage image) => new()
    {
        ["headerSize"] = $"0x{image.Header.HeaderSize:X}",
        ["imageSize"] = $"0x{image.Header.ImageSize:X}",
        ["protectedTlvSize"] = $"0x{image.Header.ProtectedTlvSize:X}",
        ["loadAddress"] = Hex(image.Header.LoadAddress),
        ["flags"] = image.Header.Flags.ToString(),
        ["version"] = image.Header.Version.ToString(),
        ["securityCounter"] = image.SecurityCounter,
        ["tlvs"] = new JsonArray([.. image.Tlvs.Select(t => (JsonNode)new JsonObject
        {
            ["type"] = $"0x{(ushort)t.Type:X2}",
            ["name"] = t.TypeName,
            ["protected"] = t.IsProtected,
            ["length"] = t.Value.Length,
            ["value"] = Convert.ToHexStringLower(t.Value.Span),
        })]),
        ["signedLength"] = image.TlvEnd,
        ["trailer"] = image.Trailer is { } trailer ? new JsonObject
        {
            ["maxAlign"] = trailer.MaxAlign,
            ["imageOk"] = $"0x{trailer.ImageOk:X2}",
            ["copyDone"] = $"0x{trailer.CopyDone:X2}",
            ["swapInfo"] = $"0x{trailer.SwapInfo:X2}",
        } : null,
    };

    internal static IEnumerable<string> ImageText(McubootImage image)
    {
        var header = image.Header;
        yield return $"  header       hdr_size 0x{header.HeaderSize:X}, img_size 0x{header.ImageSize:X}, protected TLVs 0x{header.ProtectedTlvSize:X}, load 0x{header.LoadAddress:X}, flags {header.Flags}, version {header.Version}";
        foreach (var tlv in image.Tlvs)
        {
            var value = tlv.Value.Length <= 64 ? Convert.ToHexStringLower(tlv.Value.Span) : $"{Convert.ToHexStringLower(tlv.Value.Span[..32])}…";
            yield return $"  TLV{(tlv.IsProtected ? " (prot)" : "       ")} {tlv.TypeName} (0x{(ushort)tlv.Type:X2}, {tlv.Value.Length} bytes) {value}";
        }

        yield return $"  signed image ends at 0x{image.TlvEnd:X}";
        if (image.Trailer is { } trailer)
        {
            yield return $"  trailer      boot magic (max align {trailer.MaxAlign}), image_ok 0x{trailer.ImageOk:X2}{(trailer.IsConfirmed ? " (confirmed)" : string.Empty)}, copy_done 0x{trailer.CopyDone:X2}, swap_info 0x{trailer.SwapInfo:X2}";
        }
    }

    private static Option<bool> JsonOption() => new("--json") { Description = "Write JSON instead of text." };

    private static async Task<SigningKey?> LoadKeyAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return null;
        }

        var text = System.Text.Encoding.ASCII.GetString(await ReadFileAsync(path, cancellationToken));
        return SigningKey.FromPem(text, path);
    }

    // A signed image as a .bin, or flattened from imgtool's HEX output.
    private static async Task<(McubootImage Image, FirmwareImage Data)> ReadSignedAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await ReadFileAsync(path, cancellationToken);
        var data = FirmwareReader.Read(bytes, path, 0);
        var flat = FirmwareReader.Detect(bytes) == FirmwareFormat.Binary ? bytes : data.ToFlat(0xFF);
        return (McubootImage.Parse(flat, path), data);
    }
}
