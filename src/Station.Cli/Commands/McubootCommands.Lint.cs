using System.CommandLine;
using System.Text.Json.Nodes;
using Station.Images;
using Station.Images.Formats;
using Station.Images.Lint;
using Station.Images.Mcuboot;
using static Station.Cli.Commands.ImageCommandLine;

namespace Station.Cli.Commands;

internal static partial class McubootCommands
{
    private static Command LintCommand()
    {
        var slot = AddressOption("--slot-address", "Flash address of the slot the image is written to (from the partition table).");
        slot.Required = true;
        var ram = new Option<string>("--ram") { Description = "RAM range START:SIZE, e.g. 0x20000000:0x40000 (for the stack pointer check).", Required = true };
        var headerSize = AddressOption("--header-size", "For an unsigned ELF/HEX: the --header-size you mean to sign with.");
        var padHeader = new Option<bool>("--pad-header") { Description = "For an unsigned ELF/HEX: you mean to sign with --pad-header." };
        var address = AddressOption("--address", "Load address of an unsigned .bin.");
        var file = new Argument<string>("FILE") { Description = "Signed .bin/.hex, or the unsigned .elf/.hex (exact link-address check)." };
        var json = JsonOption();
        var command = new Command("lint", "Check that an MCUboot image will boot from its slot: catches the wrong --header-size / --pad-header (boot loop after the swap). Exit code 1 with the fix when it will not.")
        {
            slot, ram, headerSize, padHeader, address, file, json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, async stdout =>
        {
            var path = parseResult.GetRequiredValue(file);
            var (ramStart, ramSize) = ParseRam(parseResult.GetRequiredValue(ram));
            var options = new McubootLintOptions { SlotAddress = parseResult.GetValue(slot) ?? 0, RamStart = ramStart, RamSize = ramSize };
            var bytes = await ReadFileAsync(path, cancellationToken);
            var format = FirmwareReader.Detect(bytes);
            McubootLintResult result;
            if (format == FirmwareFormat.Binary && McubootImage.HasMagic(bytes))
            {
                result = McubootHeaderLinter.LintSigned(McubootImage.Parse(bytes, path), options);
            }
            else
            {
                var elf = format == FirmwareFormat.Elf ? ElfFile.Parse(bytes, path) : null;
                var binaryAddress = format != FirmwareFormat.Binary ? 0 : parseResult.GetValue(address)
                    ?? throw new ImageCommandException($"{path}: an unsigned .bin has no address; give --address (or lint the signed image or the ELF)");
                var image = elf?.Image ?? FirmwareReader.Read(bytes, path, binaryAddress);
                var intended = parseResult.GetValue(headerSize);
                result = McubootHeaderLinter.LintUnsigned(image, elf, options, intended is null ? null : checked((int)intended.Value), intended is null ? null : parseResult.GetValue(padHeader));
            }

            if (parseResult.GetValue(json))
            {
                await WriteJsonAsync(stdout, new JsonObject
                {
                    ["file"] = path,
                    ["willBoot"] = result.WillBoot,
                    ["linkAddress"] = result.LinkAddress is { } l ? Hex(l) : null,
                    ["signWith"] = result.Advice?.Options,
                    ["findings"] = FindingsJson(result.Findings),
                });
            }
            else
            {
                await WriteFindingsAsync(stdout, result.Findings);
            }

            if (result.Findings.FirstError() is { } error)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {path}: {error.Message}");
                return 1;
            }

            if (!parseResult.GetValue(json))
            {
                await stdout.WriteLineAsync($"ok: {path} will boot from slot {Hex(options.SlotAddress)}");
            }

            return 0;
        }));
        return command;
    }

    private static (uint Start, uint Size) ParseRam(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 2 && TryParseNumber(parts[0], out var start) && TryParseNumber(parts[1], out var size) && size > 0)
        {
            return (start, size);
        }

        throw new ImageCommandException($"--ram '{text}' is not START:SIZE, e.g. 0x20000000:0x40000");
    }
}
