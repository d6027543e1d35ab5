using System.CommandLine;
using Station.Images.Export;
using Station.Images.Imxrt;

namespace Station.Cli.Commands;

/// <summary>
/// <c>station image build|inspect|export|lint</c>: i.MX RT boot images and firmware files
/// (Station.Images; IMAGES.md part A).
/// </summary>
internal static partial class ImageCommands
{
    public static Command Create() => new("image", "Build, inspect, export and lint firmware images (ELF, HEX, S-record, BIN; i.MX RT boot images).")
    {
        BuildCommand(),
        InspectCommand(),
        ExportCommand(),
        LintCommand(),
    };

    private static Option<string> DeviceOption(bool required) => new("--device")
    {
        Description = $"i.MX RT part: {ImxrtDevices.KnownNames} (part numbers such as MIMXRT1062DVL6A work too).",
        Required = required,
    };

    private static Option<bool> JsonOption() => new("--json") { Description = "Write JSON instead of text." };

    private static ImxrtDevice ResolveDevice(string name) =>
        ImxrtDevices.Find(name) ?? throw new ImageCommandException($"unknown device '{name}'; known: {ImxrtDevices.KnownNames}");

    private static ExportFormat ParseFormat(string? format, string outputPath) => format?.ToUpperInvariant() switch
    {
        null => ImageExporter.FormatForFileName(outputPath),
        "BIN" => ExportFormat.Binary,
        "HEX" or "IHEX" => ExportFormat.IntelHex,
        "SREC" or "S19" or "S37" or "MOT" => ExportFormat.SRecord,
        _ => throw new ImageCommandException($"unknown format '{format}': use bin, hex or srec"),
    };

    private static Option<string> FormatOption() => new("--format")
    {
        Description = "Output format: bin, hex or srec (default: from the output file's extension).",
    };
}
