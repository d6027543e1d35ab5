using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Station.Data.Entities;
using Station.Data.Ledger;

namespace Station.Data.Recording;

/// <summary>Reading the journal: the start-up scan (with torn-tail repair) and the delivery reads.</summary>
internal sealed partial class RecordJournal
{
    private const int ReadChunkLength = 1 << 20;

    /// <summary>
    /// Up to <paramref name="max"/> durable records with a sequence above <paramref name="afterSequence"/>,
    /// in order. Reads only what <see cref="Append"/> has made durable.
    /// </summary>
    /// <exception cref="InvalidDataException">A durable entry is damaged (the disk changed under us).</exception>
    public List<LedgerRecord> ReadAfter(long afterSequence, int max)
    {
        List<(long Number, string Path, long Length, long LastSequence, int Count)> segments;
        ReadHint? hint;
        lock (_lock)
        {
            segments = _segments.Select(s => (s.Number, s.Path, s.Length, s.LastSequence, s.Count)).ToList();
            hint = _hint;
        }

        var records = new List<LedgerRecord>();
        int index;
        long offset;
        if (hint is not null && hint.Sequence == afterSequence && segments.FindIndex(s => s.Number == hint.SegmentNumber) is var hinted and >= 0)
        {
            index = hinted;
            offset = hint.Offset;
        }
        else
        {
            index = segments.FindIndex(s => s.Count > 0 && s.LastSequence > afterSequence);
            offset = FileHeaderLength;
            if (index < 0)
            {
                return records;
            }
        }

        var lastSequence = afterSequence;
        while (records.Count < max && index < segments.Count)
        {
            var segment = segments[index];
            if (offset >= segment.Length)
            {
                if (index == segments.Count - 1)
                {
                    break;
                }

                index++;
                offset = FileHeaderLength;
                continue;
            }

            offset = ReadEntries(segment.Path, offset, segment.Length, afterSequence, max, records);
            if (records.Count > 0)
            {
                lastSequence = records[^1].Sequence;
            }
        }

        lock (_lock)
        {
            _hint = new ReadHint(lastSequence, segments[Math.Min(index, segments.Count - 1)].Number, offset);
        }

        return records;
    }

    /// <summary>Reads entries of one segment from <paramref name="offset"/> up to <paramref name="end"/>; returns where it stopped.</summary>
    /// <remarks>
    /// Hot path of delivery: the read buffer comes from the shared pool and goes back to it (a new
    /// buffer of up to 1 MiB per batch was a large-object allocation that drove gen-2 collections
    /// whenever delivery fell behind, docs/BENCHMARKS.md "Records"), and checksums are compared on
    /// the stack. What is left per record is the record itself.
    /// </remarks>
    private static long ReadEntries(string path, long offset, long end, long afterSequence, int max, List<LedgerRecord> records)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var chunk = ArrayPool<byte>.Shared.Rent((int)Math.Min(ReadChunkLength, end - offset));
        try
        {
            while (records.Count < max && offset < end)
            {
                var wanted = (int)Math.Min(chunk.Length, end - offset);
                var read = RandomAccess.Read(handle, chunk.AsSpan(0, wanted), offset);
                if (read < EntryHeaderLength)
                {
                    throw Damaged(path, offset, "the file is shorter than its durable length");
                }

                var position = 0;
                var grow = false;
                while (records.Count < max && position + EntryHeaderLength <= read)
                {
                    var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(position));
                    if (length is <= 0 or > MaxPayloadLength)
                    {
                        throw Damaged(path, offset + position, $"entry length {length}");
                    }

                    var size = EntryHeaderLength + length;
                    if (position + size > read)
                    {
                        if (offset + position + size > end)
                        {
                            throw Damaged(path, offset + position, "an entry runs past the durable length");
                        }

                        if (position == 0)
                        {
                            // One entry bigger than the chunk: trade the chunk for one that holds it whole.
                            ArrayPool<byte>.Shared.Return(chunk);
                            chunk = ArrayPool<byte>.Shared.Rent(size);
                            grow = true;
                        }

                        break;
                    }

                    var payload = chunk.AsSpan(position + EntryHeaderLength, length);
                    if (!ChecksumMatches(payload, chunk.AsSpan(position + sizeof(uint), ChecksumLength)))
                    {
                        throw Damaged(path, offset + position, "checksum mismatch");
                    }

                    var record = JsonSerializer.Deserialize(payload, JournalJsonContext.Default.LedgerRecord)
                        ?? throw Damaged(path, offset + position, "empty entry");
                    if (record.Sequence > afterSequence)
                    {
                        records.Add(record);
                    }

                    position += size;
                }

                if (!grow)
                {
                    offset += position;
                }
            }

            return offset;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static InvalidDataException Damaged(string path, long offset, string what) =>
        new($"Record journal {path} is damaged at byte {offset}: {what}.");

    /// <summary>
    /// The newest valid record in the journal at <paramref name="directory"/>, read without taking
    /// the journal's lock and without repairing anything (for <c>station ledger verify</c> on a
    /// running station). Null when the journal holds no record.
    /// </summary>
    public static LedgerHead? ReadHead(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var files = ListSegmentFiles(directory);
        for (var i = files.Count - 1; i >= 0; i--)
        {
            byte[] bytes;
            using (var stream = new FileStream(files[i].Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }

            if (bytes.Length < FileHeaderLength || !bytes.AsSpan(0, FileHeaderLength).SequenceEqual(FileMagic))
            {
                continue;
            }

            var (_, last, _) = Walk(bytes);
            if (last >= 0)
            {
                var record = DecodeAt(bytes, last);
                return new LedgerHead(record.Sequence, record.Hash);
            }
        }

        return null;
    }

    /// <summary>Walks the valid entries of a segment's bytes: (first entry, last entry, end of the valid part).</summary>
    private static (int First, int Last, int End) Walk(byte[] bytes)
    {
        var position = FileHeaderLength;
        var first = -1;
        var last = -1;
        while (position + EntryHeaderLength <= bytes.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position));
            if (length is <= 0 or > MaxPayloadLength || position + EntryHeaderLength + length > bytes.Length)
            {
                break;
            }

            var payload = bytes.AsSpan(position + EntryHeaderLength, length);
            if (!ChecksumMatches(payload, bytes.AsSpan(position + sizeof(uint), ChecksumLength)))
            {
                break;
            }

            first = first < 0 ? position : first;
            last = position;
            position += EntryHeaderLength + length;
        }

        return (first, last, position);
    }

    /// <summary>
    /// Validates a segment at start-up: counts its entries, finds its first and last sequence and cuts
    /// a torn tail off the newest segment. Null when the segment is unusable (it is set aside).
    /// </summary>
    private static (Segment Segment, LedgerHead? Head)? ScanSegment(string path, long number, bool isLast, ILogger logger)
    {
        var bytes = File.ReadAllBytes(path);
        var segment = new Segment(number, path);
        if (bytes.Length < FileHeaderLength || !bytes.AsSpan(0, FileHeaderLength).SequenceEqual(FileMagic))
        {
            if (!isLast)
            {
                SetAside(path, logger, "its header is missing");
                return null;
            }

            // The newest segment was being created when the process died: start it again.
            Log.TornTail(logger, path, 0, bytes.Length);
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete);
            stream.Write(FileMagic);
            stream.Flush(flushToDisk: true);
            segment.Length = FileHeaderLength;
            return (segment, null);
        }

        var (firstEntry, lastEntry, position) = Walk(bytes);
        segment.Count = CountEntries(bytes, position);
        segment.Length = position;
        if (position < bytes.Length)
        {
            if (isLast)
            {
                // A write that never completed: it was never acknowledged, so cutting it loses nothing.
                Log.TornTail(logger, path, position, bytes.Length - position);
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read | FileShare.Delete);
                stream.SetLength(position);
                stream.Flush(flushToDisk: true);
            }
            else
            {
                Log.Damaged(logger, path, position, bytes.Length - position);
            }
        }

        LedgerHead? head = null;
        if (segment.Count > 0)
        {
            segment.FirstSequence = DecodeAt(bytes, firstEntry).Sequence;
            var last = DecodeAt(bytes, lastEntry);
            segment.LastSequence = last.Sequence;
            head = new LedgerHead(last.Sequence, last.Hash);
        }

        return (segment, head);
    }

    private static int CountEntries(byte[] bytes, int end)
    {
        var count = 0;
        for (var position = FileHeaderLength; position < end; count++)
        {
            position += EntryHeaderLength + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position));
        }

        return count;
    }

    private static LedgerRecord DecodeAt(byte[] bytes, int position)
    {
        var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position));
        return JsonSerializer.Deserialize(bytes.AsSpan(position + EntryHeaderLength, length), JournalJsonContext.Default.LedgerRecord)
            ?? throw new InvalidDataException("Empty journal entry.");
    }

    private static void SetAside(string path, ILogger logger, string why)
    {
        var aside = path + ".damaged";
        File.Move(path, aside, overwrite: true);
        Log.SetAside(logger, path, aside, why);
    }
}
