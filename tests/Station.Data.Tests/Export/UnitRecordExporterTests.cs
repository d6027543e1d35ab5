using System.Text;
using System.Text.Json;
using Station.Data.Export;
using Station.Data.Ledger;
using Station.Testing;

namespace Station.Data.Tests.Export;

public sealed class UnitRecordExporterTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Find_BySerialChipUidAndDateRange_Sqlite_ReturnsTheUnitsRunsWithVerifiableRecords()
    {
        await using var database = await PopulatedAsync(TestDatabase.Sqlite());
        await FindAsync(database);
    }

    [PostgresFact]
    public async Task Find_BySerialChipUidAndDateRange_Postgres_ReturnsTheUnitsRunsWithVerifiableRecords()
    {
        await using var database = await PopulatedAsync(await TestDatabase.PostgresAsync(postgres));
        await FindAsync(database);
    }

    [Fact]
    public async Task WriteJson_EachRecord_CanBeCheckedFromTheJsonAlone()
    {
        await using var database = await PopulatedAsync(TestDatabase.Sqlite());
        using var stream = new MemoryStream();

        await new UnitRecordExporter(database.Factory).WriteJsonAsync(stream, new UnitRecordQuery { SerialNumber = SampleRun.Serial(2) }, TestTimeouts.Unexpected);

        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(UnitRecordExporter.JsonFormat, json.RootElement.GetProperty("format").GetString());
        var run = Assert.Single(json.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal("passed", run.GetProperty("outcome").GetString());
        var records = run.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(SampleRun.RecordsPerRun, records.Count);
        foreach (var record in records)
        {
            // What an independent checker does: rebuild the canonical encoding from the JSON and hash it.
            var fields = record.GetProperty("fields").EnumerateArray()
                .Select(f => new LedgerField(f[0].GetString()!, f[1].GetString()))
                .ToList();
            var hash = LedgerHash.Compute(
                record.GetProperty("record_type").GetString()!,
                record.GetProperty("station_id").GetString()!,
                record.GetProperty("sequence").GetInt64(),
                DateTime.Parse(record.GetProperty("recorded_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal),
                Convert.FromHexString(record.GetProperty("previous_hash").GetString()!),
                fields);
            Assert.Equal(record.GetProperty("hash").GetString(), Convert.ToHexStringLower(hash));
        }
    }

    [Fact]
    public async Task WriteCsv_OneRowPerRecord_NullAndEmptyStayDistinctAndHashesCheck()
    {
        await using var database = await PopulatedAsync(TestDatabase.Sqlite());
        using var stream = new MemoryStream();

        await new UnitRecordExporter(database.Factory).WriteCsvAsync(stream, new UnitRecordQuery { ChipUid = SampleRun.ChipUid(3) }, TestTimeouts.Unexpected);

        var rows = ParseCsv(Encoding.UTF8.GetString(stream.ToArray()));
        var header = rows[0].Select(c => c!).ToList();
        Assert.Equal(["run_id", "serial_number", "chip_uid", "record_type", "station_id", "sequence", "recorded_at", "previous_hash", "hash"], header.Take(9));
        Assert.Equal(1 + SampleRun.RecordsPerRun, rows.Count);
        var exported = await new UnitRecordExporter(database.Factory).FindAsync(new UnitRecordQuery { ChipUid = SampleRun.ChipUid(3) }, TestTimeouts.Unexpected);
        foreach (var (row, record) in rows.Skip(1).Zip(exported.Single().Records))
        {
            Assert.Equal(record.Hash, row[header.IndexOf("hash")]);
            var fields = record.Fields.Select(f => new LedgerField(f.Name, row[header.IndexOf(f.Name)])).ToList();
            Assert.Equal(record.Fields, fields); // null stays null, text stays text
            Assert.True((record with { Fields = fields }).Verify());
        }

        var start = rows.Single(r => r[3] == "run_starts");
        Assert.Null(start[header.IndexOf("approval_reference")]);
        Assert.Equal("operator-a", start[header.IndexOf("operator")]);
    }

    [Fact]
    public async Task Verify_ExportedFieldChanged_IsFalse()
    {
        await using var database = await PopulatedAsync(TestDatabase.Sqlite());
        var run = (await new UnitRecordExporter(database.Factory).FindAsync(new UnitRecordQuery { SerialNumber = SampleRun.Serial(2) }, TestTimeouts.Unexpected)).Single();
        var intent = run.Records.Single(r => r.RecordType == "fuse_intents");
        Assert.True(intent.Verify());

        var forged = intent with { Fields = intent.Fields.Select(f => f.Name == "requested_value" ? f with { Value = "0" } : f).ToList() };

        Assert.False(forged.Verify());
    }

    [Fact]
    public async Task Find_NoCriteria_Throws()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => new UnitRecordExporter(database.Factory).FindAsync(new UnitRecordQuery(), TestTimeouts.Unexpected));
    }

    private static async Task<TestDatabase> PopulatedAsync(TestDatabase database)
    {
        await database.MigratedAsync();
        await using var writer = await database.StartWriterAsync();
        for (var unit = 1; unit <= 3; unit++)
        {
            await SampleRun.RecordAsync(writer, unit);
        }

        // Unit 1 comes back for a second run, which fails.
        await SampleRun.RecordAsync(writer, 1, "slot-2", Entities.RunOutcome.Failed);
        await writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);
        return database;
    }

    private static async Task FindAsync(TestDatabase database)
    {
        var exporter = new UnitRecordExporter(database.Factory);

        var bySerial = await exporter.FindAsync(new UnitRecordQuery { SerialNumber = SampleRun.Serial(1) }, TestTimeouts.Unexpected);
        var byChip = await exporter.FindAsync(new UnitRecordQuery { ChipUid = SampleRun.ChipUid(1) }, TestTimeouts.Unexpected);
        var all = await exporter.FindAsync(new UnitRecordQuery { From = DateTimeOffset.UtcNow.AddHours(-1), To = DateTimeOffset.UtcNow.AddHours(1) }, TestTimeouts.Unexpected);
        var none = await exporter.FindAsync(new UnitRecordQuery { To = DateTimeOffset.UtcNow.AddDays(-1) }, TestTimeouts.Unexpected);

        Assert.Equal(["passed", "failed"], bySerial.Select(r => r.Outcome));
        Assert.Equal(bySerial.Select(r => r.RunId), byChip.Select(r => r.RunId));
        Assert.All(byChip, r => Assert.Equal((SampleRun.ChipUid(1), SampleRun.Serial(1)), (r.ChipUid, r.SerialNumber)));
        Assert.Equal(4, all.Count);
        Assert.Empty(none);
        var first = bySerial[0];
        Assert.Equal(
            ["run_starts", "unit_identifications", "step_attempts", "step_attempts", "step_attempts", "image_writes", "fuse_intents", "fuse_results", "log_lines", "run_ends"],
            first.Records.Select(r => r.RecordType));
        Assert.All(all.SelectMany(r => r.Records), r => Assert.True(r.Verify(), $"{r.RecordType} {r.Sequence}"));
    }

    /// <summary>A small RFC 4180 reader that keeps null (empty cell) apart from "" (quoted empty cell).</summary>
    private static List<List<string?>> ParseCsv(string text)
    {
        var rows = new List<List<string?>>();
        var row = new List<string?>();
        var i = 0;
        while (i < text.Length)
        {
            string? cell;
            if (text[i] == '"')
            {
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        value.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        value.Append(text[i++]);
                    }
                }

                cell = value.ToString();
            }
            else
            {
                var end = text.IndexOfAny([',', '\r'], i);
                cell = end == i ? null : text[i..end];
                i = end;
            }

            row.Add(cell);
            if (text[i] == ',')
            {
                i++;
            }
            else
            {
                i += 2; // CRLF
                rows.Add(row);
                row = [];
            }
        }

        return rows;
    }
}
