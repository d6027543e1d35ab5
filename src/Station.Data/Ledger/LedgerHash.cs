using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Station.Data.Entities;

namespace Station.Data.Ledger;

/// <summary>
/// The ledger's hash: SHA-256 over "SLR1", the previous record's hash and the canonical encoding of
/// the record (docs/DATA.md, "Canonical encoding"):
/// <code>
/// hash = SHA-256( "SLR1" || previous_hash[32] || item(record_type) || item(station_id)
///                 || item(sequence) || item(recorded_at) || for each field: item(name) || item(value) )
/// item(null) = FF FF FF FF;  item(text) = u32 big-endian UTF-8 length || UTF-8 bytes
/// </code>
/// Values are <see cref="LedgerText"/> text. Field names are in the encoding so a field can never
/// slide into its neighbour's place.
/// </summary>
public static class LedgerHash
{
    public const int Length = 32;

    private static readonly byte[] Magic = "SLR1"u8.ToArray();

    /// <summary>The previous hash of a station's first record.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[Length];

    /// <summary>The hash <paramref name="record"/> must carry, given its chain columns and content.</summary>
    public static byte[] Compute(LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Compute(record.RecordType, record.StationId, record.Sequence, record.RecordedAt, record.PreviousHash, record.GetFields());
    }

    /// <summary>The same, from exported parts (so an exported record can be checked on its own).</summary>
    public static byte[] Compute(
        string recordType, string stationId, long sequence, DateTime recordedAt, ReadOnlySpan<byte> previousHash,
        IReadOnlyList<LedgerField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (previousHash.Length != Length)
        {
            throw new ArgumentException($"A previous hash is {Length} bytes, not {previousHash.Length}.", nameof(previousHash));
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        buffer.Write(Magic);
        buffer.Write(previousHash);
        WriteItem(buffer, recordType);
        WriteItem(buffer, stationId);
        WriteItem(buffer, LedgerText.Of(sequence));
        WriteItem(buffer, LedgerText.Of(recordedAt));
        foreach (var field in fields)
        {
            WriteItem(buffer, field.Name);
            WriteItem(buffer, field.Value);
        }

        return SHA256.HashData(buffer.WrittenSpan);
    }

    private static void WriteItem(ArrayBufferWriter<byte> buffer, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer.GetSpan(sizeof(uint)), uint.MaxValue);
            buffer.Advance(sizeof(uint));
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        var span = buffer.GetSpan(sizeof(uint) + length);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)length);
        Encoding.UTF8.GetBytes(value, span[sizeof(uint)..]);
        buffer.Advance(sizeof(uint) + length);
    }
}
