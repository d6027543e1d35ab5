using System.CommandLine;
using System.Globalization;
using Station.Data;
using Station.Data.Export;

namespace Station.Cli.Commands;

/// <summary>
/// <c>station export</c>: a unit's provisioning record (every run, every record, with its ledger
/// hashes) as JSON or CSV, by serial number, chip UID or start-time range (Station.Data's
/// <see cref="UnitRecordExporter"/>; docs/DATA.md, "Export").
/// </summary>
internal static class ExportCommands
{
    public static Command Create()
    {
        var serial = new Option<string?>("--serial") { Description = "The unit's serial number." };
        var chipUid = new Option<string?>("--chip-uid") { Description = "The unit's chip UID (as recorded: hex, as the flashloader reports it)." };
        var from = new Option<string?>("--from") { Description = "Runs started at or after this time: 2025-06-01 or 2025-06-01T08:00:00Z (UTC when no offset is given)." };
        var to = new Option<string?>("--to") { Description = "Runs started before this time; a date alone includes that whole day." };
        var format = new Option<string?>("--format") { Description = "json or csv (default: from the --output extension, else json)." };
        format.AcceptOnlyFromAmong("json", "csv");
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write to this file (default: standard output)." };
        var command = SettingsCommandLine.AcceptSettings(new Command(
            "export",
            "Export units' provisioning records with their ledger hashes, by serial number, chip UID or time range. Exit 1 when no run matches.")
        {
            serial, chipUid, from, to, format, outputFile,
        });
        command.SetAction((parseResult, cancellationToken) => SettingsCommandLine.RunAsync(parseResult, async settings =>
        {
            var query = new UnitRecordQuery
            {
                SerialNumber = parseResult.GetValue(serial),
                ChipUid = parseResult.GetValue(chipUid),
                From = parseResult.GetValue(from) is { } f ? ParseTime(f, "--from", endOfDay: false) : null,
                To = parseResult.GetValue(to) is { } t ? ParseTime(t, "--to", endOfDay: true) : null,
            };
            if (query.SerialNumber is null && query.ChipUid is null && query.From is null && query.To is null)
            {
                throw new CliException("give --serial, --chip-uid, or a time range (--from/--to).", ExitCodes.Usage);
            }

            if (query.From is { } start && query.To is { } end && end <= start)
            {
                throw new CliException("--to must be after --from.", ExitCodes.Usage);
            }

            var path = parseResult.GetValue(outputFile);
            var csv = (parseResult.GetValue(format) ?? (path is not null && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "json")) == "csv";
            var exporter = new UnitRecordExporter(new StationDbContextFactory(settings.Database));
            var runs = await exporter.FindAsync(query, cancellationToken);
            var error = parseResult.InvocationConfiguration.Error;
            if (runs.Count == 0)
            {
                await error.WriteLineAsync($"No run matches ({settings.DescribeDatabase()}).");
                return ExitCodes.Failed;
            }

            if (path is null)
            {
                await WriteToOutputAsync(exporter, query, csv, parseResult.InvocationConfiguration.Output, cancellationToken);
            }
            else
            {
                await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    await RenderAsync(exporter, query, csv, file, cancellationToken);
                }

                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Exported {runs.Count} run(s), {runs.Sum(r => r.Records.Count)} records, to {path} ({(csv ? "CSV" : "JSON")})."));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Task RenderAsync(UnitRecordExporter exporter, UnitRecordQuery query, bool csv, Stream destination, CancellationToken cancellationToken) =>
        csv ? exporter.WriteCsvAsync(destination, query, cancellationToken) : exporter.WriteJsonAsync(destination, query, cancellationToken);

    /// <summary>Standard output is a text writer (captured in tests): render into memory, then write the text.</summary>
    private static async Task WriteToOutputAsync(UnitRecordExporter exporter, UnitRecordQuery query, bool csv, TextWriter output, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await RenderAsync(exporter, query, csv, buffer, cancellationToken);
        var text = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        await output.WriteAsync(text);
        if (!text.EndsWith('\n'))
        {
            await output.WriteLineAsync();
        }
    }

    /// <summary>ISO 8601; no offset means UTC; a date alone is its midnight, or the next midnight for an end.</summary>
    public static DateTimeOffset ParseTime(string text, string name, bool endOfDay)
    {
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? midnight.AddDays(1) : midnight;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new CliException($"{name}: '{text}' is not a date or time (write 2025-06-01 or 2025-06-01T08:00:00Z).", ExitCodes.Usage);
    }
}
