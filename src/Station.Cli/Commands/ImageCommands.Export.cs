using System.CommandLine;
using System.Text.Json.Nodes;
using Station.Images;
using Station.Images.Export;
using Station.Images.Formats;
using Station.Images.Imxrt;
using static Station.Cli.Commands.ImageCommandLine;

namespace Station.Cli.Commands;

internal static partial class ImageCommands
{
    private static Command ExportCommand()
    {
        var input = new Option<string>("--input") { Description = "Image to export: a boot image .bin, or any .hex/.srec/.elf.", Required = true };
        var address = AddressOption("--address", "Flash address of a .bin input (default for boot images: from the IVT).");
        var format = FormatOption();
        var output = new Option<string>("--output") { Description = "File to write.", Required = true };
        var json = JsonOption();
        var command = new Command("export", "Write an image as BIN, Intel HEX or S-record at its flash address, for J-Link, J-Flash or a gang programmer.")
        {
            input, address, format, output, json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, async stdout =>
        {
            var inputPath = parseResult.GetRequiredValue(input);
            var outputPath = parseResult.GetRequiredValue(output);
            var bytes = await ReadFileAsync(inputPath, cancellationToken);
            var given = parseResult.GetValue(address);
            FirmwareImage image;
            if (FirmwareReader.Detect(bytes) == FirmwareFormat.Binary)
            {
                var at = given ?? ImxrtImageReader.TryRead(bytes)?.WriteAddress
                    ?? throw new ImageCommandException($"{inputPath}: a .bin has no address and is not a boot image; give --address");
                image = BinaryImageReader.Read(bytes, at, inputPath);
            }
            else
            {
                image = FirmwareReader.Read(bytes, inputPath, 0);
                if (given is { } at && at != image.StartAddress)
                {
                    throw new ImageCommandException($"{inputPath}: the file already places its data at {Hex(image.StartAddress)}; --address is for .bin inputs");
                }
            }

            var exportFormat = ParseFormat(parseResult.GetValue(format), outputPath);
            var written = ImageExporter.Export(image, exportFormat);
            await WriteFileAsync(outputPath, written, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await WriteJsonAsync(stdout, new JsonObject
                {
                    ["output"] = outputPath,
                    ["format"] = exportFormat.ToString(),
                    ["address"] = Hex(image.StartAddress),
                    ["length"] = image.Span,
                    ["sha256"] = Sha256(image.ToFlat(0xFF)),
                });
            }
            else
            {
                await stdout.WriteLineAsync($"exported {outputPath}: {exportFormat}, {image.Span} bytes at {Hex(image.StartAddress)}");
            }

            return 0;
        }));
        return command;
    }
}
