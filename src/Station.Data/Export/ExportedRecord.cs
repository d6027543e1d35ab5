using Station.Data.Entities;
using Station.Data.Ledger;

namespace Station.Data.Export;

/// <summary>
/// One ledger record as exported: its place in its station's chain, its hashes and its content
/// fields in canonical text and order. <see cref="Verify"/> recomputes the hash from exactly this,
/// so an exported record can be checked on its own, without the database.
/// </summary>
public sealed record ExportedRecord(
    string RecordType,
    string StationId,
    long Sequence,
    DateTime RecordedAt,
    string PreviousHash,
    string Hash,
    IReadOnlyList<LedgerField> Fields)
{
    /// <summary>True when <see cref="Hash"/> is the ledger hash of this record's content and previous hash.</summary>
    public bool Verify()
    {
        var computed = LedgerHash.Compute(RecordType, StationId, Sequence, RecordedAt, Convert.FromHexString(PreviousHash), Fields);
        return string.Equals(Convert.ToHexStringLower(computed), Hash, StringComparison.OrdinalIgnoreCase);
    }

    internal static ExportedRecord From(LedgerRecord record) => new(
        record.RecordType,
        record.StationId,
        record.Sequence,
        record.RecordedAt,
        Convert.ToHexStringLower(record.PreviousHash),
        Convert.ToHexStringLower(record.Hash),
        record.GetFields());
}
