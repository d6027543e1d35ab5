using System.Buffers.Binary;

namespace Station.Images;

/// <summary>
/// A sparse memory image: address-ordered, non-overlapping segments (adjacent ones merged), the
/// entry point if the file had one, and where it came from. Built by the readers in
/// <c>Station.Images.Formats</c>; immutable.
/// </summary>
public sealed class FirmwareImage
{
    private FirmwareImage(string name, FirmwareFormat format, IReadOnlyList<ImageSegment> segments, uint? entryPoint)
    {
        Name = name;
        Format = format;
        Segments = segments;
        EntryPoint = entryPoint;
    }

    /// <summary>The file (or other input) the image was read from, for messages.</summary>
    public string Name { get; }

    /// <summary>The container format it was read from.</summary>
    public FirmwareFormat Format { get; }

    /// <summary>Segments in address order; never overlapping, never empty, adjacent ones merged.</summary>
    public IReadOnlyList<ImageSegment> Segments { get; }

    /// <summary>Entry point from the file (ELF e_entry, HEX type 03/05, S7/S8/S9), if it had one.</summary>
    public uint? EntryPoint { get; }

    /// <summary>Whether the image holds no bytes at all.</summary>
    public bool IsEmpty => Segments.Count == 0;

    /// <summary>Lowest address holding data (0 when empty).</summary>
    public uint StartAddress => IsEmpty ? 0 : Segments[0].Address;

    /// <summary>Address just past the highest byte (0 when empty).</summary>
    public ulong EndAddress => IsEmpty ? 0 : Segments[^1].End;

    /// <summary>Bytes from <see cref="StartAddress"/> to <see cref="EndAddress"/>, gaps included.</summary>
    public long Span => (long)(EndAddress - StartAddress);

    /// <summary>Bytes actually present (gaps excluded).</summary>
    public long DataLength => Segments.Sum(s => (long)s.Length);

    /// <summary>
    /// Sorts <paramref name="segments"/>, drops empty ones, merges adjacent ones and rejects overlaps
    /// and segments that run past 4 GiB with an <see cref="ImageFormatException"/> naming <paramref name="name"/>.
    /// </summary>
    public static FirmwareImage Create(string name, FirmwareFormat format, IEnumerable<ImageSegment> segments, uint? entryPoint)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(segments);
        var sorted = segments.Where(s => s.Length > 0).OrderBy(s => s.Address).ToList();
        var merged = new List<ImageSegment>(sorted.Count);
        var pending = new List<ReadOnlyMemory<byte>>();
        uint pendingAddress = 0;
        ulong pendingEnd = 0;
        foreach (var segment in sorted)
        {
            if (segment.End > 0x1_0000_0000UL)
            {
                throw new ImageFormatException(name, $"data at 0x{segment.Address:X8} ({segment.Length} bytes) runs past the 4 GiB address space");
            }

            if (pending.Count > 0 && segment.Address < pendingEnd)
            {
                throw new ImageFormatException(
                    name,
                    $"overlapping data: 0x{segment.Address:X8}-0x{segment.End - 1:X8} overlaps 0x{pendingAddress:X8}-0x{pendingEnd - 1:X8}");
            }

            if (pending.Count > 0 && segment.Address == pendingEnd)
            {
                pending.Add(segment.Data);
                pendingEnd = segment.End;
                continue;
            }

            Flush();
            pending.Add(segment.Data);
            pendingAddress = segment.Address;
            pendingEnd = segment.End;
        }

        Flush();
        return new FirmwareImage(name, format, merged, entryPoint);

        void Flush()
        {
            if (pending.Count == 0)
            {
                return;
            }

            if (pending.Count == 1)
            {
                merged.Add(new ImageSegment(pendingAddress, pending[0]));
            }
            else
            {
                var joined = new byte[pending.Sum(p => p.Length)];
                var offset = 0;
                foreach (var part in pending)
                {
                    part.Span.CopyTo(joined.AsSpan(offset));
                    offset += part.Length;
                }

                merged.Add(new ImageSegment(pendingAddress, joined));
            }

            pending.Clear();
        }
    }

    /// <summary>An image of one segment: <paramref name="data"/> at <paramref name="address"/>.</summary>
    public static FirmwareImage FromBytes(string name, FirmwareFormat format, uint address, ReadOnlyMemory<byte> data, uint? entryPoint = null) =>
        Create(name, format, [new ImageSegment(address, data)], entryPoint);

    /// <summary>The same segments under a different name and format (e.g. a built image being exported).</summary>
    public FirmwareImage WithOrigin(string name, FirmwareFormat format) => new(name, format, Segments, EntryPoint);

    /// <summary>Whether <paramref name="address"/> holds data.</summary>
    public bool Contains(uint address) => FindSegment(address) is not null;

    /// <summary>
    /// The bytes from <see cref="StartAddress"/> to <see cref="EndAddress"/>, with gaps filled with
    /// <paramref name="fill"/>. Throws <see cref="ImageFormatException"/> when the span is over 256 MiB.
    /// </summary>
    public byte[] ToFlat(byte fill) => IsEmpty ? [] : Read(StartAddress, checked((int)Math.Min(Span, int.MaxValue)), fill);

    /// <summary>
    /// <paramref name="length"/> bytes starting at <paramref name="address"/>, with every byte the image
    /// does not hold set to <paramref name="fill"/>.
    /// </summary>
    public byte[] Read(uint address, int length, byte fill)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length > MaxFlatLength)
        {
            throw new ImageFormatException(Name, $"the data spans {length} bytes (0x{address:X8}..), more than the {MaxFlatLength / (1024 * 1024)} MiB a flash image can be; are two segments far apart?");
        }

        var result = new byte[length];
        result.AsSpan().Fill(fill);
        var end = (ulong)address + (ulong)length;
        foreach (var segment in Segments)
        {
            var from = Math.Max((ulong)address, segment.Address);
            var to = Math.Min(end, segment.End);
            if (from >= to)
            {
                continue;
            }

            segment.Data.Span.Slice((int)(from - segment.Address), (int)(to - from)).CopyTo(result.AsSpan((int)(from - address)));
        }

        return result;
    }

    /// <summary>The little-endian word at <paramref name="address"/>, if all four bytes are present.</summary>
    public uint? ReadUInt32(uint address)
    {
        var segment = FindSegment(address);
        if (segment is null || (ulong)address + 4 > segment.End)
        {
            return null;
        }

        return BinaryPrimitives.ReadUInt32LittleEndian(segment.Data.Span[(int)(address - segment.Address)..]);
    }

    /// <summary>The largest span <see cref="Read"/> and <see cref="ToFlat"/> will produce: 256 MiB.</summary>
    public const int MaxFlatLength = 256 * 1024 * 1024;

    private ImageSegment? FindSegment(uint address)
    {
        foreach (var segment in Segments)
        {
            if (segment.Contains(address))
            {
                return segment;
            }
        }

        return null;
    }
}
