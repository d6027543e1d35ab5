using System.Text;
using System.Text.Json;
using Station.Data.Entities;
using Station.Data.Ledger;

namespace Station.Data.Export;

/// <summary>JSON and CSV renderings of the export (docs/DATA.md, "Export").</summary>
public sealed partial class UnitRecordExporter
{
    public const string JsonFormat = "station-unit-record/1";

    /// <summary>
    /// Every content column of every record table, in table order: the CSV's field columns. The
    /// fields of one record type, in this order, are that type's canonical field order.
    /// </summary>
    public static IReadOnlyList<string> CsvFieldColumns { get; } = new LedgerRecord[]
        {
            new StationSessionRecord(), new RunStartedRecord(), new UnitIdentifiedRecord(), new StepAttemptRecord(),
            new FuseIntentRecord(), new FuseResultRecord(), new ImageWriteRecord(), new LogLineRecord(), new RunEndedRecord(),
        }
        .SelectMany(r => r.GetFields().Select(f => f.Name))
        .Distinct()
        .ToList();

    /// <summary>
    /// Writes the matching runs as one JSON document. Each record's <c>fields</c> is an array of
    /// [name, value] pairs in canonical order, so any tool can recompute its hash.
    /// </summary>
    public async Task WriteJsonAsync(Stream destination, UnitRecordQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var runs = await FindAsync(query, cancellationToken);
        await using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", JsonFormat);
        json.WriteString("hash", "SHA-256 chain per station over the canonical encoding of docs/DATA.md");
        json.WriteStartArray("runs");
        foreach (var run in runs)
        {
            json.WriteStartObject();
            json.WriteString("run_id", LedgerText.Of(run.RunId));
            json.WriteString("station_id", run.StationId);
            json.WriteString("slot", run.Slot);
            json.WriteString("serial_number", run.SerialNumber);
            json.WriteString("chip_uid", run.ChipUid);
            json.WriteString("started_at", LedgerText.Of(run.StartedAt));
            json.WriteString("ended_at", run.EndedAt is { } ended ? LedgerText.Of(ended) : null);
            json.WriteString("outcome", run.Outcome);
            json.WriteStartArray("records");
            foreach (var record in run.Records)
            {
                json.WriteStartObject();
                json.WriteString("record_type", record.RecordType);
                json.WriteString("station_id", record.StationId);
                json.WriteNumber("sequence", record.Sequence);
                json.WriteString("recorded_at", LedgerText.Of(record.RecordedAt));
                json.WriteString("previous_hash", record.PreviousHash);
                json.WriteString("hash", record.Hash);
                json.WriteStartArray("fields");
                foreach (var field in record.Fields)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(field.Name);
                    json.WriteStringValue(field.Value);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Writes one CSV row (RFC 4180, UTF-8) per record: the run, the chain columns, then one column
    /// per content field (<see cref="CsvFieldColumns"/>). A null value is an empty cell; an empty
    /// string is a quoted empty cell (<c>""</c>), so the canonical text, and so the hash, survive.
    /// </summary>
    public async Task WriteCsvAsync(Stream destination, UnitRecordQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var runs = await FindAsync(query, cancellationToken);
        await using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        string[] fixedColumns = ["run_id", "serial_number", "chip_uid", "record_type", "station_id", "sequence", "recorded_at", "previous_hash", "hash"];
        await writer.WriteLineAsync(string.Join(',', fixedColumns.Concat(CsvFieldColumns)));
        var cells = new string?[fixedColumns.Length + CsvFieldColumns.Count];
        foreach (var run in runs)
        {
            foreach (var record in run.Records)
            {
                Array.Clear(cells);
                cells[0] = LedgerText.Of(run.RunId);
                cells[1] = run.SerialNumber;
                cells[2] = run.ChipUid;
                cells[3] = record.RecordType;
                cells[4] = record.StationId;
                cells[5] = LedgerText.Of(record.Sequence);
                cells[6] = LedgerText.Of(record.RecordedAt);
                cells[7] = record.PreviousHash;
                cells[8] = record.Hash;
                foreach (var field in record.Fields)
                {
                    cells[fixedColumns.Length + IndexOfColumn(field.Name)] = field.Value;
                }

                await writer.WriteLineAsync(string.Join(',', cells.Select(Cell)));
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static int IndexOfColumn(string name)
    {
        for (var i = 0; i < CsvFieldColumns.Count; i++)
        {
            if (CsvFieldColumns[i] == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Field {name} has no CSV column.");
    }

    private static string Cell(string? value)
    {
        if (value is null)
        {
            return "";
        }

        return value.Length == 0 || value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
