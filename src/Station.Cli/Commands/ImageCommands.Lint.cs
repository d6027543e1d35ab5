using System.CommandLine;
using System.Text.Json.Nodes;
using Station.Images;
using Station.Images.Formats;
using Station.Images.Inspect;
using Station.Images.Lint;
using static Station.Cli.Commands.ImageCommandLine;

namespace Station.Cli.Commands;

internal static partial class ImageCommands
{
    private static Command LintCommand()
    {
        var file = new Argument<string>("FILE") { Description = "Boot image (full or nopadding) or application: .bin, .hex, .srec or .elf." };
        var device = DeviceOption(required: false);
        var address = AddressOption("--address", "Where a .bin is written (default: from its IVT, or base + 0x2000 for an application).");
        var json = JsonOption();
        var command = new Command("lint", "Check an i.MX RT boot image before provisioning: FCB, IVT, boot data, entry point, link address, flash fit. Exit code 1 when it will not boot.")
        {
            file, device, address, json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, async stdout =>
        {
            var path = parseResult.GetRequiredValue(file);
            var given = parseResult.GetValue(device) is { } name ? ResolveDevice(name) : null;
            var bytes = await ReadFileAsync(path, cancellationToken);
            var inspection = ImageInspector.Inspect(bytes, path, parseResult.GetValue(address), given);
            var part = given ?? inspection.Imxrt?.Device
                ?? throw new ImageCommandException($"{path}: cannot tell which i.MX RT part this is for; give --device");
            var findings = inspection.Kind switch
            {
                ImageKind.ImxrtFull or ImageKind.ImxrtNoPadding => ImxrtImageLinter.Lint(inspection.Imxrt!, part, inspection.Address),
                ImageKind.Mcuboot => throw new ImageCommandException($"{path}: an MCUboot image; use 'station mcuboot lint'"),
                _ => ImxrtImageLinter.LintApplication(
                    inspection.Format == FirmwareFormat.Binary
                        ? BinaryImageReader.Read(bytes, inspection.Address ?? part.ApplicationAddress(part.FlexSpiBase), path)
                        : inspection.Image,
                    part,
                    part.FlexSpiBase),
            };
            if (parseResult.GetValue(json))
            {
                await WriteJsonAsync(stdout, new JsonObject
                {
                    ["file"] = path,
                    ["device"] = part.Name,
                    ["kind"] = inspection.Kind.ToString(),
                    ["ok"] = !findings.HasErrors(),
                    ["findings"] = FindingsJson(findings),
                });
            }
            else
            {
                await WriteFindingsAsync(stdout, findings);
            }

            if (findings.FirstError() is { } error)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {path}: {error.Message}");
                return 1;
            }

            if (!parseResult.GetValue(json))
            {
                await stdout.WriteLineAsync($"ok: {path} passes the {part.Name} boot checks");
            }

            return 0;
        }));
        return command;
    }
}
