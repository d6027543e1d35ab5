using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Station.Data.Entities;
using Station.Data.Ledger;

namespace Station.Data.Recording;

/// <summary>
/// The station's durable queue: an append-only journal of finished ledger records (sequence and
/// hash already assigned) in segment files <c>segment-NNNNNNNN.sjl</c> under one folder.
/// <code>
/// segment = "SJOURNL1" (8 bytes) || entry*
/// entry   = u32 LE payload length || 8-byte checksum (first 8 bytes of SHA-256(payload)) || payload
/// payload = UTF-8 JSON of one LedgerRecord
/// </code>
/// Every append is one write followed by fsync. On open, a torn or damaged last entry (a kill -9 or
/// power cut during a write) is cut off: it was never acknowledged. Segments are deleted once every
/// record in them is in the database, except the newest, so the chain head is always on local disk.
/// A lock file (journal.lock, opened exclusively) keeps a second process out of the folder.
/// </summary>
internal sealed partial class RecordJournal : IDisposable
{
    internal const int FileHeaderLength = 8;
    internal const int ChecksumLength = 8;
    internal const int EntryHeaderLength = sizeof(uint) + ChecksumLength;
    internal const int MaxPayloadLength = 1 << 24;
    private const string SegmentPrefix = "segment-";
    private const string SegmentExtension = ".sjl";

    private readonly string _directory;
    private readonly long _maxSegmentBytes;
    private readonly ILogger _logger;
    private readonly FileStream _lockFile;
    private readonly Lock _lock = new();
    private readonly List<Segment> _segments;

    // Only the writer loop appends, so one buffer and one JSON writer serve every append: no array
    // per record and no new (often large-object) buffer per batch. Hot path of recording.
    private readonly ArrayBufferWriter<byte> _encoded = new(64 * 1024);
    private readonly Utf8JsonWriter _json;
    private FileStream? _active;
    private bool _activeDirty;
    private ReadHint? _hint;

    private RecordJournal(
        string directory, long maxSegmentBytes, ILogger logger, FileStream lockFile, List<Segment> segments, FileStream? active,
        LedgerHead? head)
    {
        _directory = directory;
        _maxSegmentBytes = maxSegmentBytes;
        _logger = logger;
        _lockFile = lockFile;
        _segments = segments;
        _active = active;
        Head = head;
        _json = new Utf8JsonWriter(_encoded, new JsonWriterOptions { Encoder = JournalJsonContext.Default.Options.Encoder });
    }

    internal static ReadOnlySpan<byte> FileMagic => "SJOURNL1"u8;

    /// <summary>The newest durable record (null when the journal has never held one).</summary>
    public LedgerHead? Head { get; private set; }

    /// <summary>How many segment files the journal has now.</summary>
    public int SegmentCount
    {
        get
        {
            lock (_lock)
            {
                return _segments.Count;
            }
        }
    }

    /// <summary>Opens (or creates) the journal in <paramref name="directory"/>, repairing a torn tail.</summary>
    /// <exception cref="InvalidOperationException">Another process has the journal open.</exception>
    public static RecordJournal Open(string directory, long maxSegmentBytes, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(directory, "journal.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new InvalidOperationException(
                $"The record journal in {directory} is in use by another process (one recorder per station and folder).", exception);
        }

        try
        {
            var segments = new List<Segment>();
            LedgerHead? head = null;
            var files = ListSegmentFiles(directory);
            for (var i = 0; i < files.Count; i++)
            {
                var (number, path) = files[i];
                var isLast = i == files.Count - 1;
                var scan = ScanSegment(path, number, isLast, logger);
                if (scan is null)
                {
                    continue;
                }

                segments.Add(scan.Value.Segment);
                head = scan.Value.Head ?? head;
            }

            if (segments.Count == 0)
            {
                segments.Add(CreateSegment(directory, 1));
            }

            var active = OpenForAppend(segments[^1]);
            return new RecordJournal(directory, maxSegmentBytes, logger, lockFile, segments, active, head);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Appends <paramref name="records"/> (in sequence order) with one write and one fsync. When this
    /// returns, the records survive a crash of the process or of the machine.
    /// </summary>
    public void Append(IReadOnlyList<LedgerRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var buffer = Encode(records);
        Segment segment;
        lock (_lock)
        {
            segment = _segments[^1];
            if (segment.Count > 0 && segment.Length + buffer.Length > _maxSegmentBytes)
            {
                _active?.Dispose();
                _active = null;
                segment = CreateSegment(_directory, segment.Number + 1);
                _segments.Add(segment);
            }
        }

        // Only the writer loop appends, so the write and fsync run outside the lock; readers see
        // the new entries once Length moves below. Any I/O failure here leaves a state the next
        // attempt repairs: the stream is reopened and cut back to the durable length.
        if (_active is null)
        {
            _active = OpenForAppend(segment);
            _activeDirty = false;
        }

        if (_activeDirty)
        {
            // A failed earlier write may have left part of an entry past the durable length.
            _active.SetLength(segment.Length);
            _active.Position = segment.Length;
        }

        _activeDirty = true;
        _active.Write(buffer);
        _active.Flush(flushToDisk: true);
        _activeDirty = false;

        lock (_lock)
        {
            if (segment.Count == 0)
            {
                segment.FirstSequence = records[0].Sequence;
            }

            segment.LastSequence = records[^1].Sequence;
            segment.Count += records.Count;
            segment.Length += buffer.Length;
            Head = new LedgerHead(records[^1].Sequence, records[^1].Hash);
        }
    }

    /// <summary>Deletes the segments (oldest first, never the newest) whose records are all delivered.</summary>
    public void ReleaseDelivered(long deliveredSequence)
    {
        List<Segment> released = [];
        lock (_lock)
        {
            while (_segments.Count > 1 && (_segments[0].Count == 0 || _segments[0].LastSequence <= deliveredSequence))
            {
                released.Add(_segments[0]);
                _segments.RemoveAt(0);
            }
        }

        foreach (var segment in released)
        {
            File.Delete(segment.Path);
            Log.SegmentDeleted(_logger, segment.Path, segment.LastSequence);
        }
    }

    public void Dispose()
    {
        _active?.Dispose();
        _json.Dispose();
        _lockFile.Dispose();
    }

    /// <summary>Encodes <paramref name="records"/> as journal entries into the shared buffer (valid until the next call).</summary>
    private ReadOnlySpan<byte> Encode(IReadOnlyList<LedgerRecord> records)
    {
        _encoded.ResetWrittenCount();
        foreach (var record in records)
        {
            // entry = u32 LE payload length (4) + checksum (8) + payload (n): reserve the header,
            // write the payload after it, then fill the header in.
            var start = _encoded.WrittenCount;
            _encoded.GetSpan(EntryHeaderLength);
            _encoded.Advance(EntryHeaderLength);
            _json.Reset();
            JsonSerializer.Serialize(_json, record, JournalJsonContext.Default.LedgerRecord);
            _json.Flush();
            var entry = MemoryMarshal.AsMemory(_encoded.WrittenMemory).Span[start..];
            var payload = entry[EntryHeaderLength..];
            BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)payload.Length);
            WriteChecksum(payload, entry.Slice(sizeof(uint), ChecksumLength));
        }

        return _encoded.WrittenSpan;
    }

    /// <summary>Writes the entry checksum (the first 8 bytes of SHA-256 of the payload) into <paramref name="destination"/>.</summary>
    internal static void WriteChecksum(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(payload, hash);
        hash[..ChecksumLength].CopyTo(destination);
    }

    /// <summary>Whether <paramref name="checksum"/> is the entry checksum of <paramref name="payload"/>.</summary>
    internal static bool ChecksumMatches(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> checksum)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(payload, hash);
        return hash[..ChecksumLength].SequenceEqual(checksum);
    }

    private static List<(long Number, string Path)> ListSegmentFiles(string directory)
    {
        var files = new List<(long, string)>();
        foreach (var path in Directory.EnumerateFiles(directory, SegmentPrefix + "*" + SegmentExtension))
        {
            var name = Path.GetFileNameWithoutExtension(path)[SegmentPrefix.Length..];
            if (long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                files.Add((number, path));
            }
        }

        files.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return files;
    }

    private static Segment CreateSegment(string directory, long number)
    {
        var path = Path.Combine(directory, SegmentPrefix + number.ToString("D8", CultureInfo.InvariantCulture) + SegmentExtension);
        // Create, not CreateNew: a file left by an attempt that failed half-way is not in the list yet.
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete))
        {
            stream.Write(FileMagic);
            stream.Flush(flushToDisk: true);
        }

        return new Segment(number, path) { Length = FileHeaderLength };
    }

    private static FileStream OpenForAppend(Segment segment)
    {
        var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);
        if (stream.Length != segment.Length)
        {
            stream.SetLength(segment.Length);
            stream.Flush(flushToDisk: true);
        }

        stream.Position = segment.Length;
        return stream;
    }

    /// <summary>One segment file: its durable length and the sequence numbers it holds.</summary>
    private sealed class Segment(long number, string path)
    {
        public long Number { get; } = number;

        public string Path { get; } = path;

        public long Length { get; set; }

        public int Count { get; set; }

        public long FirstSequence { get; set; }

        public long LastSequence { get; set; }
    }

    /// <summary>Where the last read stopped, so the next read continues there instead of rescanning.</summary>
    private sealed record ReadHint(long Sequence, long SegmentNumber, long Offset);
}
