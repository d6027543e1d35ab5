using System.CommandLine;
using System.Text.Json.Nodes;
using Station.Images;
using Station.Images.Export;
using Station.Images.Formats;
using Station.Images.Mcuboot;
using static Station.Cli.Commands.ImageCommandLine;

namespace Station.Cli.Commands;

internal static partial class McubootCommands
{
    private static Command SignCommand()
    {
        var key = new Option<string>("--key", "-k") { Description = "Private key PEM (RSA-2048/3072, ECDSA P-256/P-384, Ed25519); without it the image gets only a hash." };
        var headerSize = AddressOption("--header-size", "ih_hdr_size, e.g. 0x200 (at least 0x20).");
        headerSize.Required = true;
        var padHeader = new Option<bool>("--pad-header") { Description = "Add the header in front of the input (else the input must start with header-size zero bytes)." };
        var align = AddressOption("--align", "Flash write alignment: 1, 2, 4, 8, 16 or 32 (default 1).");
        var version = new Option<string>("--version", "-v") { Description = "Image version major.minor.revision+build (default 0.0.0+0)." };
        var slotSize = AddressOption("--slot-size", "Slot size; the image plus trailer must fit.");
        var pad = new Option<bool>("--pad") { Description = "Pad to --slot-size and write the trailer magic (test swap)." };
        var confirm = new Option<bool>("--confirm") { Description = "Also set image_ok (permanent swap); implies --pad." };
        var securityCounter = new Option<string>("--security-counter", "-s") { Description = "Protected security counter: a number, or 'auto' (from the version)." };
        var erasedValue = AddressOption("--erased-val", "Value of erased flash: 0xff (default) or 0.");
        erasedValue.Aliases.Add("-R");
        var maxSectors = AddressOption("--max-sectors", "Maximum sectors per slot (default 128; sizes the trailer).");
        var maxAlign = AddressOption("--max-align", "BOOT_MAX_ALIGN (default max(8, --align)).");
        var overwriteOnly = new Option<bool>("--overwrite-only") { Description = "Use the overwrite-only trailer." };
        var publicKeyFormat = new Option<string>("--public-key-format") { Description = "hash (default) or full." };
        var padSig = new Option<bool>("--pad-sig") { Description = "Pad ECDSA signatures to their maximum length." };
        var loadAddress = AddressOption("--load-addr", "RAM load address (sets RAM_LOAD).");
        var hexAddress = AddressOption("--hex-addr", "Address of the header in a .hex output (default: from a HEX input).");
        var input = new Argument<string>("INFILE") { Description = "Application: .bin, or .hex/.srec/.elf (placed at its addresses, gaps 0xFF)." };
        var output = new Argument<string>("OUTFILE") { Description = "Signed image: .bin, or .hex/.srec at the slot address." };
        var json = JsonOption();
        var command = new Command("sign", "Sign an application into an MCUboot image with imgtool's options and bytes.")
        {
            key, headerSize, padHeader, align, version, slotSize, pad, confirm, securityCounter, erasedValue, maxSectors, maxAlign,
            overwriteOnly, publicKeyFormat, padSig, loadAddress, hexAddress, input, output, json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, async stdout =>
        {
            var imageVersion = parseResult.GetValue(version) is { } v ? McubootVersion.Parse(v) : McubootVersion.Zero;
            var options = new McubootSignOptions
            {
                HeaderSize = checked((int)(parseResult.GetValue(headerSize) ?? 0)),
                PadHeader = parseResult.GetValue(padHeader),
                Align = (int)(parseResult.GetValue(align) ?? 1),
                Version = imageVersion,
                SlotSize = checked((int)(parseResult.GetValue(slotSize) ?? 0)),
                Pad = parseResult.GetValue(pad),
                Confirm = parseResult.GetValue(confirm),
                SecurityCounter = SecurityCounter(parseResult.GetValue(securityCounter), imageVersion),
                ErasedValue = ErasedValue(parseResult.GetValue(erasedValue)),
                MaxSectors = (int)(parseResult.GetValue(maxSectors) ?? 128),
                MaxAlign = (int?)parseResult.GetValue(maxAlign),
                OverwriteOnly = parseResult.GetValue(overwriteOnly),
                PublicKeyFormat = parseResult.GetValue(publicKeyFormat)?.ToUpperInvariant() switch
                {
                    null or "HASH" => McubootPublicKeyFormat.Hash,
                    "FULL" => McubootPublicKeyFormat.Full,
                    var other => throw new ImageCommandException($"--public-key-format must be hash or full, not '{other}'"),
                },
                PadSignature = parseResult.GetValue(padSig),
                LoadAddress = parseResult.GetValue(loadAddress) ?? 0,
            };
            using var signingKey = await LoadKeyAsync(parseResult.GetValue(key), cancellationToken);
            var inputPath = parseResult.GetRequiredValue(input);
            var outputPath = parseResult.GetRequiredValue(output);
            var bytes = await ReadFileAsync(inputPath, cancellationToken);
            var isBinary = FirmwareReader.Detect(bytes) == FirmwareFormat.Binary;
            var outputFormat = ImageExporter.FormatForFileName(outputPath);
            byte[] written;
            byte[] signed;
            if (outputFormat == ExportFormat.Binary)
            {
                var payload = isBinary ? bytes : FirmwareReader.Read(bytes, inputPath, 0).ToFlat(0xFF);
                signed = McubootSigner.Sign(payload, signingKey, options, inputPath);
                written = signed;
            }
            else
            {
                var hexAt = parseResult.GetValue(hexAddress);
                var application = isBinary
                    ? BinaryImageReader.Read(bytes, (hexAt ?? throw new ImageCommandException($"{inputPath}: a .bin input has no address; give --hex-addr for a {outputFormat} output")) + (uint)(options.PadHeader ? options.HeaderSize : 0), inputPath)
                    : FirmwareReader.Read(bytes, inputPath, 0);
                var image = McubootSigner.SignToImage(application, signingKey, options);
                if (hexAt is { } at && at != image.StartAddress)
                {
                    image = FirmwareImage.Create(inputPath, image.Format, image.Segments.Select(s => new ImageSegment(s.Address - image.StartAddress + at, s.Data)), null);
                }

                signed = image.Segments[0].Data.ToArray();
                written = ImageExporter.Export(image, outputFormat);
            }

            await WriteFileAsync(outputPath, written, cancellationToken);
            var parsed = McubootImage.Parse(signed, outputPath);
            var digest = Convert.ToHexStringLower(parsed.HashTlv!.Value.Tlv.Value.Span);
            var algorithm = signingKey?.Algorithm.ToString() ?? "unsigned (hash only)";
            if (parseResult.GetValue(json))
            {
                await WriteJsonAsync(stdout, new JsonObject
                {
                    ["output"] = outputPath,
                    ["algorithm"] = algorithm,
                    ["headerSize"] = $"0x{options.HeaderSize:X}",
                    ["imageSize"] = $"0x{parsed.Header.ImageSize:X}",
                    ["version"] = options.Version.ToString(),
                    ["hash"] = digest,
                    ["length"] = written.Length,
                });
            }
            else
            {
                await stdout.WriteLineAsync($"signed {outputPath}: {algorithm}, hdr 0x{options.HeaderSize:X}, img 0x{parsed.Header.ImageSize:X}, version {options.Version}, image hash {digest}");
            }

            return 0;
        }));
        return command;
    }

    private static uint? SecurityCounter(string? text, McubootVersion version)
    {
        if (text is null)
        {
            return null;
        }

        if (string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return version.AutoSecurityCounter;
        }

        return TryParseNumber(text, out var value) ? value : throw new ImageCommandException($"--security-counter must be a number or 'auto', not '{text}'");
    }

    private static byte ErasedValue(uint? value) => value switch
    {
        null or 0xFF => 0xFF,
        0 => 0x00,
        _ => throw new ImageCommandException("--erased-val must be 0 or 0xff"),
    };
}
