using System.CommandLine;
using System.Text.Json.Nodes;
using Station.Images.Arm;
using Station.Images.Imxrt;
using Station.Images.Inspect;
using static Station.Cli.Commands.ImageCommandLine;

namespace Station.Cli.Commands;

internal static partial class ImageCommands
{
    private static Command InspectCommand()
    {
        var file = new Argument<string>("FILE") { Description = "Firmware file: .bin, .hex, .srec, .elf; application, boot image or MCUboot image." };
        var address = AddressOption("--address", "Where a .bin is written (HEX/SREC/ELF carry their own addresses).");
        var device = DeviceOption(required: false);
        var json = JsonOption();
        var command = new Command("inspect", "Recognise a firmware file and show its layout: FCB, IVT, boot data, entry point, vector table, MCUboot header, and the SHA-256 of what would be written.")
        {
            file, address, device, json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, async stdout =>
        {
            var path = parseResult.GetRequiredValue(file);
            var part = parseResult.GetValue(device) is { } name ? ResolveDevice(name) : null;
            var inspection = ImageInspector.Inspect(await ReadFileAsync(path, cancellationToken), path, parseResult.GetValue(address), part);
            if (parseResult.GetValue(json))
            {
                await WriteJsonAsync(stdout, InspectionJson(inspection, part));
            }
            else
            {
                foreach (var line in InspectionText(inspection, part))
                {
                    await stdout.WriteLineAsync(line);
                }
            }

            return 0;
        }));
        return command;
    }

    internal static JsonObject InspectionJson(ImageInspection inspection, ImxrtDevice? device)
    {
        var result = new JsonObject
        {
            ["file"] = inspection.Name,
            ["format"] = inspection.Format.ToString(),
            ["kind"] = inspection.Kind.ToString(),
            ["address"] = inspection.Address is { } a ? Hex(a) : null,
            ["length"] = inspection.Length,
            ["sha256"] = inspection.Sha256,
            ["entryPoint"] = inspection.EntryPoint is { } e ? Hex(e) : null,
            ["segments"] = new JsonArray([.. inspection.Image.Segments.Select(s => (JsonNode)new JsonObject { ["address"] = Hex(s.Address), ["length"] = s.Length })]),
        };
        if (inspection.Imxrt is { } imxrt)
        {
            var part = device ?? imxrt.Device;
            result["imxrt"] = new JsonObject
            {
                ["base"] = Hex(imxrt.BaseAddress),
                ["writeAddress"] = Hex(imxrt.WriteAddress),
                ["fcb"] = imxrt.Fcb is { } fcb ? FcbJson(fcb, imxrt.FcbOffset ?? 0, part) : null,
                ["ivt"] = new JsonObject
                {
                    ["version"] = $"0x{imxrt.Ivt.Version:X2}",
                    ["entry"] = Hex(imxrt.Ivt.Entry),
                    ["dcd"] = Hex(imxrt.Ivt.Dcd),
                    ["bootData"] = Hex(imxrt.Ivt.BootData),
                    ["self"] = Hex(imxrt.Ivt.Self),
                    ["csf"] = Hex(imxrt.Ivt.Csf),
                },
                ["bootData"] = imxrt.BootData is { } bdt ? new JsonObject { ["start"] = Hex(bdt.Start), ["length"] = $"0x{bdt.Length:X}", ["plugin"] = bdt.Plugin } : null,
                ["applicationAddress"] = Hex(imxrt.ApplicationAddress),
                ["applicationLength"] = imxrt.Application.Length,
            };
        }

        if (inspection.Mcuboot is { } mcuboot)
        {
            result["mcuboot"] = McubootCommands.ImageJson(mcuboot);
        }

        if (inspection.VectorTable is { } table)
        {
            result["vectorTable"] = VectorTableJson(table);
        }

        if (inspection.Notes.Count > 0)
        {
            result["notes"] = new JsonArray([.. inspection.Notes.Select(n => (JsonNode)n)]);
        }

        return result;
    }

    internal static JsonObject VectorTableJson(CortexMVectorTable table) => new()
    {
        ["address"] = Hex(table.Address),
        ["initialStackPointer"] = Hex(table.InitialStackPointer),
        ["reset"] = Hex(table.Reset),
        ["nmi"] = Hex(table.Nmi),
        ["hardFault"] = Hex(table.HardFault),
    };

    private static JsonObject FcbJson(FlexSpiNorConfig fcb, int offset, ImxrtDevice? device) => new()
    {
        ["offset"] = $"0x{offset:X}",
        ["tag"] = Hex(fcb.Tag),
        ["version"] = Hex(fcb.Version),
        ["readSampleClkSrc"] = fcb.ReadSampleClockSource,
        ["csHoldTime"] = fcb.CsHoldTime,
        ["csSetupTime"] = fcb.CsSetupTime,
        ["controllerMiscOption"] = Hex(fcb.ControllerMiscOption),
        ["deviceType"] = fcb.DeviceType,
        ["sflashPadType"] = fcb.SerialFlashPadType,
        ["serialClkFreq"] = fcb.SerialClockFrequency,
        ["serialClkMhz"] = device?.ClockMhz(fcb.SerialClockFrequency),
        ["sflashA1Size"] = Hex(fcb.FlashA1Size),
        ["pageSize"] = fcb.PageSize,
        ["sectorSize"] = Hex(fcb.SectorSize),
        ["blockSize"] = Hex(fcb.BlockSize),
        ["readLut"] = new JsonArray([.. fcb.Sequence(0).Select(i => (JsonNode)i.ToString())]),
    };

    private static IEnumerable<string> InspectionText(ImageInspection inspection, ImxrtDevice? device)
    {
        yield return $"{inspection.Name}: {KindText(inspection.Kind)} ({inspection.Format})";
        yield return $"  written at   {(inspection.Address is { } a ? Hex(a) : "unknown (give --address)")}, {inspection.Length} bytes";
        yield return $"  sha256       {inspection.Sha256 ?? "n/a"}";
        if (inspection.Image.Segments.Count > 1)
        {
            foreach (var segment in inspection.Image.Segments)
            {
                yield return $"  segment      {Hex(segment.Address)}-{Hex((uint)(segment.End - 1))} ({segment.Length} bytes)";
            }
        }

        if (inspection.EntryPoint is { } entry)
        {
            yield return $"  entry point  {Hex(entry)}";
        }

        if (inspection.Imxrt is { } imxrt)
        {
            foreach (var line in ImxrtText(imxrt, device ?? imxrt.Device))
            {
                yield return line;
            }
        }

        if (inspection.Mcuboot is { } mcuboot)
        {
            foreach (var line in McubootCommands.ImageText(mcuboot))
            {
                yield return line;
            }
        }

        if (inspection.VectorTable is { } table)
        {
            yield return $"  vectors      at {Hex(table.Address)}: SP {Hex(table.InitialStackPointer)}, reset {Hex(table.Reset)}, NMI {Hex(table.Nmi)}, HardFault {Hex(table.HardFault)}";
        }

        foreach (var note in inspection.Notes)
        {
            yield return $"  note         {note}";
        }
    }

    private static IEnumerable<string> ImxrtText(ImxrtImageInfo imxrt, ImxrtDevice? device)
    {
        yield return $"  base         {Hex(imxrt.BaseAddress)}{(device is null ? string.Empty : $" ({device.Name})")}";
        if (imxrt.Fcb is { } fcb)
        {
            var clock = device?.ClockMhz(fcb.SerialClockFrequency) is { } mhz ? $" = {mhz} MHz" : string.Empty;
            yield return $"  FCB          at 0x{imxrt.FcbOffset:X}: tag {Hex(fcb.Tag)}, version {Hex(fcb.Version)}, {fcb.SerialFlashPadType} pads, serialClkFreq {fcb.SerialClockFrequency}{clock}, A1 size 0x{fcb.FlashA1Size:X}, sample clock {fcb.ReadSampleClockSource}, misc 0x{fcb.ControllerMiscOption:X}";
            yield return $"  read LUT     {string.Join("; ", fcb.Sequence(0))}";
        }
        else if (imxrt.Kind == ImxrtImageKind.Full)
        {
            yield return "  FCB          none";
        }

        var ivt = imxrt.Ivt;
        yield return $"  IVT          at {Hex(ivt.Self)}: version 0x{ivt.Version:X2}, entry {Hex(ivt.Entry)}, dcd {Hex(ivt.Dcd)}, boot data {Hex(ivt.BootData)}, csf {Hex(ivt.Csf)}";
        if (imxrt.BootData is { } bdt)
        {
            yield return $"  boot data    start {Hex(bdt.Start)}, length 0x{bdt.Length:X}, plugin {bdt.Plugin}";
        }

        yield return $"  application  at {Hex(imxrt.ApplicationAddress)}, {imxrt.Application.Length} bytes";
    }

    private static string KindText(ImageKind kind) => kind switch
    {
        ImageKind.ImxrtFull => "i.MX RT boot image (full, from flash offset 0)",
        ImageKind.ImxrtNoPadding => "i.MX RT boot image (nopadding, from the IVT)",
        ImageKind.Mcuboot => "MCUboot image",
        _ => "application (no boot header)",
    };
}
