using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Station.Data.Entities;
using Station.Data.Ledger;
using Station.Data.Recording;
using Station.Testing;

namespace Station.Data.Tests.Recording;

/// <summary>
/// The delivery path inserts through <see cref="RecordInserter"/>, not SaveChanges. These tests
/// insert the same records both ways into two fresh databases and compare what is stored, column by
/// column and byte for byte (every column of every record type, set and null, long and non-ASCII
/// text, enough rows to span several statements), then read them back through EF.
/// </summary>
public sealed class RecordInserterTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Insert_EveryColumnOfEveryRecordType_Sqlite_StoresWhatSaveChangesStores()
    {
        await using var viaEf = await TestDatabase.Sqlite().MigratedAsync();
        await using var viaInserter = await TestDatabase.Sqlite().MigratedAsync();
        await StoresWhatSaveChangesStoresAsync(viaEf, viaInserter);
    }

    [PostgresFact]
    public async Task Insert_EveryColumnOfEveryRecordType_Postgres_StoresWhatSaveChangesStores()
    {
        await using var viaEf = await (await TestDatabase.PostgresAsync(postgres)).MigratedAsync();
        await using var viaInserter = await (await TestDatabase.PostgresAsync(postgres)).MigratedAsync();
        await StoresWhatSaveChangesStoresAsync(viaEf, viaInserter);
    }

    [Fact]
    public async Task Insert_SampleRecords_SetEveryMappedColumnOnceAndLeaveEveryNullableOneNullOnce()
    {
        // Guards the test data above: a column added to the model but not to SampleRecords fails here.
        await using var database = TestDatabase.Sqlite();
        await using var db = database.Factory.CreateDbContext();
        var records = SampleRecords.All("station-01");
        foreach (var entity in LedgerEntityTypes(db))
        {
            var ofType = records.Where(r => r.GetType() == entity.ClrType).ToList();
            Assert.True(ofType.Count >= 2, $"{entity.ClrType.Name}: at least two samples");
            foreach (var property in entity.GetProperties())
            {
                var values = ofType.Select(r => property.GetGetter().GetClrValueUsingContainingEntity(r)).ToList();
                Assert.Contains(values, v => v is not null);
                if (property.IsNullable)
                {
                    Assert.Contains(values, v => v is null);
                }
            }
        }
    }

    private static async Task StoresWhatSaveChangesStoresAsync(TestDatabase viaEf, TestDatabase viaInserter)
    {
        var records = SampleRecords.All("station-01");
        await InsertWithSaveChangesAsync(viaEf, SampleRecords.All("station-01"));
        await new RecordStore(viaInserter.Factory).InsertAsync(records, null, TestTimeouts.Unexpected);

        // Stored alike: every table, every row, every column (the values as the provider hands them back:
        // a uuid stored as TEXT on SQLite comes back as a string, a time as its text).
        await using (var db = viaEf.Factory.CreateDbContext())
        {
            foreach (var table in LedgerEntityTypes(db).Select(e => e.GetTableName()!))
            {
                var expected = await ReadTableAsync(viaEf, table);
                var actual = await ReadTableAsync(viaInserter, table);
                Assert.True(expected.Count > 0, table);
                Assert.Equal(expected.Count, actual.Count);
                for (var row = 0; row < expected.Count; row++)
                {
                    Assert.Equal(expected[row].Keys, actual[row].Keys);
                    foreach (var (column, value) in expected[row])
                    {
                        Assert.True(
                            Equals(value, actual[row][column]) || (value is byte[] a && actual[row][column] is byte[] b && a.AsSpan().SequenceEqual(b)),
                            $"{table}.{column} row {row}: SaveChanges stored {Show(value)}, the inserter {Show(actual[row][column])}");
                    }
                }
            }
        }

        // Read back through EF, every mapped property equals what was recorded, and the chain verifies.
        await using (var db = viaInserter.Factory.CreateDbContext())
        {
            var read = new List<LedgerRecord>();
            read.AddRange(await db.StationSessions.ToListAsync(TestTimeouts.Unexpected));
            read.AddRange(await db.RunStarts.ToListAsync(TestTimeouts.Unexpected));
            read.AddRange(await db.UnitIdentifications.ToListAsync(TestTimeouts.Unexpected));
            read.AddRange(await db.StepAttempts.ToListAsync(TestTimeouts.Unexpected));
            read.AddRange(await db.FuseIntents.ToListAsync(TestTimeouts.Unexpected));
            read.AddRange(await db.FuseResults.ToListAsync(TestTimeouts.Unexpected));
            read.AddRange(await db.ImageWrites.ToListAsync(TestTimeouts.Unexpected));
            read.AddRange(await db.LogLines.ToListAsync(TestTimeouts.Unexpected));
            read.AddRange(await db.RunEnds.ToListAsync(TestTimeouts.Unexpected));
            read.Sort((x, y) => x.Sequence.CompareTo(y.Sequence));
            Assert.Equal(records.Count, read.Count);
            for (var i = 0; i < records.Count; i++)
            {
                Assert.IsType(records[i].GetType(), read[i]);
                foreach (var property in db.Model.FindEntityType(records[i].GetType())!.GetProperties())
                {
                    var getter = property.GetGetter();
                    var written = getter.GetClrValueUsingContainingEntity(records[i]);
                    var stored = getter.GetClrValueUsingContainingEntity(read[i]);
                    Assert.True(
                        Equals(written, stored) || (written is byte[] a && stored is byte[] b && a.AsSpan().SequenceEqual(b)),
                        $"record {records[i].Sequence} {property.Name}: wrote {Show(written)}, read {Show(stored)}");
                }
            }
        }

        var verification = await new LedgerVerifier(viaInserter.Factory).VerifyAsync("station-01", new LedgerHead(records[^1].Sequence, records[^1].Hash), TestTimeouts.Unexpected);
        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        Assert.Equal(records.Count, verification.RecordCount);
    }

    /// <summary>The ledger's tables (the model also holds the station service's, which the recorder never writes).</summary>
    private static IEnumerable<IEntityType> LedgerEntityTypes(DbContext db) =>
        db.Model.GetEntityTypes().Where(e => e.ClrType.IsAssignableTo(typeof(LedgerRecord)));

    private static async Task InsertWithSaveChangesAsync(TestDatabase database, IReadOnlyList<LedgerRecord> records)
    {
        // What RecordStore did before it had RecordInserter.
        await using var db = database.Factory.CreateDbContext();
        foreach (var record in records)
        {
            db.Add((object)record);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(TestTimeouts.Unexpected);
        await db.SaveChangesAsync(TestTimeouts.Unexpected);
        await transaction.CommitAsync(TestTimeouts.Unexpected);
    }

    private static async Task<List<Dictionary<string, object?>>> ReadTableAsync(TestDatabase database, string table)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(TestTimeouts.Unexpected);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY sequence";
        await using var reader = await command.ExecuteReaderAsync(TestTimeouts.Unexpected);
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync(TestTimeouts.Unexpected))
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = await reader.IsDBNullAsync(i, TestTimeouts.Unexpected) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        string text => $"\"{text[..Math.Min(text.Length, 80)]}\" ({text.Length} chars)",
        _ => $"{value} ({value.GetType().Name})",
    };
}
