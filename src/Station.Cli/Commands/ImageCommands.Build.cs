using System.CommandLine;
using System.Text.Json.Nodes;
using Station.Images;
using Station.Images.Export;
using Station.Images.Formats;
using Station.Images.Imxrt;
using Station.Images.Lint;
using static Station.Cli.Commands.ImageCommandLine;

namespace Station.Cli.Commands;

internal static partial class ImageCommands
{
    private static Command BuildCommand()
    {
        var device = DeviceOption(required: true);
        var fcb = new Option<string>("--fcb") { Description = "512-byte FCB file to place at the FCB offset." };
        var flash = new Option<string>("--flash") { Description = $"Generate the FCB for a quad SPI NOR preset instead: {FlashPresets.KnownNames}." };
        var flashClock = new Option<int?>("--flash-clock") { Description = "FlexSPI read clock in MHz for --flash (default: code 7, what NXP's FCBs use)." };
        var input = new Option<string>("--input") { Description = "The application: .bin, .hex, .srec or .elf (linked at base + 0x2000).", Required = true };
        var address = AddressOption("--address", "Load address of a .bin input (default: base + 0x2000).");
        var baseAddress = AddressOption("--base", "Flash base, overriding the device's (e.g. 0x60000000 for an RT1064 booting external flash).");
        var entry = AddressOption("--entry", "IVT entry, overriding the application's reset vector.");
        var output = new Option<string>("--output") { Description = "Boot image to write.", Required = true };
        var noPadding = new Option<bool>("--nopadding") { Description = "Write the image from the IVT on (written at base + 0x1000), without the FCB area." };
        var fill = AddressOption("--fill", "Byte for the gap before the IVT: 0x00 (default, like NXP's SPT) or 0xFF (like nxpimage).");
        var format = FormatOption();
        var force = new Option<bool>("--force") { Description = "Write the image even if the lint finds errors." };
        var json = JsonOption();
        var command = new Command("build", "Build an i.MX RT FlexSPI NOR XIP boot image (FCB + IVT + boot data + application), byte-identical to NXP's tools.")
        {
            device, fcb, flash, flashClock, input, address, baseAddress, entry, output, noPadding, fill, format, force, json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, async stdout =>
        {
            var part = ResolveDevice(parseResult.GetRequiredValue(device));
            var fillValue = parseResult.GetValue(fill) ?? 0x00;
            if (fillValue is not (0x00 or 0xFF))
            {
                throw new ImageCommandException("--fill must be 0x00 or 0xFF");
            }

            var config = await LoadFcbAsync(parseResult.GetValue(fcb), parseResult.GetValue(flash), parseResult.GetValue(flashClock), part, cancellationToken);
            var options = new ImxrtBuildOptions
            {
                Device = part,
                Fcb = config,
                Fill = (byte)fillValue,
                BaseAddress = parseResult.GetValue(baseAddress),
                EntryPoint = parseResult.GetValue(entry),
            };
            var inputPath = parseResult.GetRequiredValue(input);
            var bytes = await ReadFileAsync(inputPath, cancellationToken);
            var givenAddress = parseResult.GetValue(address);
            if (givenAddress is not null && FirmwareReader.Detect(bytes) != FirmwareFormat.Binary)
            {
                throw new ImageCommandException($"{inputPath}: --address is for .bin inputs; this file carries its own addresses");
            }

            var application = FirmwareReader.Read(bytes, inputPath, givenAddress ?? part.ApplicationAddress(options.EffectiveBase));
            var image = ImxrtBootImageBuilder.Build(application, options);
            var findings = ImxrtImageLinter.Lint(ImxrtImageReader.TryRead(image.FullImage, part)!, part);

            var outputPath = parseResult.GetRequiredValue(output);
            var nopad = parseResult.GetValue(noPadding);
            if (findings.HasErrors() && !parseResult.GetValue(force))
            {
                await WriteFindingsAsync(parseResult.InvocationConfiguration.Error, findings.Where(f => f.Severity != LintSeverity.Info));
                throw new ImageCommandException($"{inputPath}: not written, the boot image would not boot: {findings.FirstError()!.Message} (use --force to write it anyway)");
            }

            var bytesOut = nopad ? image.NoPaddingImage : image.FullImage;
            var at = nopad ? image.NoPaddingAddress : image.BaseAddress;
            var exportFormat = ParseFormat(parseResult.GetValue(format), outputPath);
            var written = exportFormat == ExportFormat.Binary ? bytesOut : ImageExporter.Export(bytesOut, at, exportFormat, outputPath);
            await WriteFileAsync(outputPath, written, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await WriteJsonAsync(stdout, new JsonObject
                {
                    ["output"] = outputPath,
                    ["device"] = part.Name,
                    ["kind"] = nopad ? "nopadding" : "full",
                    ["format"] = exportFormat.ToString(),
                    ["address"] = Hex(at),
                    ["length"] = bytesOut.Length,
                    ["sha256"] = Sha256(bytesOut),
                    ["entry"] = Hex(image.Ivt.Entry),
                    ["findings"] = FindingsJson(findings),
                });
            }
            else
            {
                await WriteFindingsAsync(stdout, findings.Where(f => f.Severity != LintSeverity.Info));
                await stdout.WriteLineAsync($"built {outputPath}: {(nopad ? "nopadding" : "full")} {part.Name} boot image, {bytesOut.Length} bytes, write it at {Hex(at)}, sha256 {Sha256(bytesOut)}");
            }

            return 0;
        }));
        return command;
    }

    private static async Task<FlexSpiNorConfig?> LoadFcbAsync(string? fcbPath, string? preset, int? clockMhz, ImxrtDevice device, CancellationToken cancellationToken)
    {
        if (fcbPath is not null && preset is not null)
        {
            throw new ImageCommandException("give either --fcb or --flash, not both");
        }

        if (fcbPath is not null)
        {
            var fcb = FlexSpiNorConfig.Parse(await ReadFileAsync(fcbPath, cancellationToken), fcbPath);
            if (!fcb.HasValidTag)
            {
                throw new ImageFormatException(fcbPath, $"not an FCB: the tag is 0x{fcb.Tag:X8}, not \"FCFB\"");
            }

            return fcb;
        }

        if (preset is null)
        {
            return null;
        }

        var flash = FlashPresets.Find(preset) ?? throw new ImageCommandException($"unknown flash '{preset}'; known: {FlashPresets.KnownNames}");
        return FlexSpiNorConfig.FromPreset(flash, device, clockMhz);
    }
}
