using System.ComponentModel.DataAnnotations.Schema;
using System.Text.Json.Serialization;
using Station.Data.Ledger;

namespace Station.Data.Entities;

/// <summary>
/// One append-only row of a station's ledger. Every record table carries these columns: the record's
/// place in its station's hash chain (<see cref="Sequence"/>), the hash of the record before it and
/// its own hash over a canonical encoding of its content (docs/DATA.md, "Ledger").
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(StationSessionRecord), StationSessionRecord.TableName)]
[JsonDerivedType(typeof(RunStartedRecord), RunStartedRecord.TableName)]
[JsonDerivedType(typeof(UnitIdentifiedRecord), UnitIdentifiedRecord.TableName)]
[JsonDerivedType(typeof(StepAttemptRecord), StepAttemptRecord.TableName)]
[JsonDerivedType(typeof(FuseIntentRecord), FuseIntentRecord.TableName)]
[JsonDerivedType(typeof(FuseResultRecord), FuseResultRecord.TableName)]
[JsonDerivedType(typeof(ImageWriteRecord), ImageWriteRecord.TableName)]
[JsonDerivedType(typeof(LogLineRecord), LogLineRecord.TableName)]
[JsonDerivedType(typeof(RunEndedRecord), RunEndedRecord.TableName)]
public abstract class LedgerRecord
{
    /// <summary>The station whose chain this record belongs to.</summary>
    public string StationId { get; set; } = "";

    /// <summary>1, 2, 3… per station, across every record table.</summary>
    public long Sequence { get; set; }

    /// <summary>When the station recorded it (UTC, microsecond precision).</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>The <see cref="Hash"/> of record <c>Sequence - 1</c> (32 zero bytes for the first).</summary>
    public byte[] PreviousHash { get; set; } = [];

    /// <summary>SHA-256 over the previous hash and this record's canonical encoding.</summary>
    public byte[] Hash { get; set; } = [];

    /// <summary>The table that holds this kind of record; it is also part of the hashed content.</summary>
    [NotMapped]
    [JsonIgnore]
    public abstract string RecordType { get; }

    /// <summary>The record's content as the ledger hashes it: field names and canonical text values.</summary>
    public IReadOnlyList<LedgerField> GetFields()
    {
        var fields = new List<LedgerField>(12);
        AddFields(fields);
        return fields;
    }

    /// <summary>Adds every content column (everything but the chain columns above), in column order.</summary>
    private protected abstract void AddFields(List<LedgerField> fields);
}
