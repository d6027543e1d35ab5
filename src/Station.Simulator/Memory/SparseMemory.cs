namespace Station.Simulator.Memory;

/// <summary>
/// A byte array that only stores the 4 KiB pages written so far; untouched bytes read as the
/// fill value (0x00 for RAM, 0xFF for erased NOR). Lets a 64 MiB flash or 16 boards cost little.
/// </summary>
internal sealed class SparseMemory
{
    private const int PageShift = 12;
    private const int PageSize = 1 << PageShift;

    private readonly Lock _lock = new();
    private readonly Dictionary<long, byte[]> _pages = [];
    private readonly byte _fill;

    public SparseMemory(long size, byte fill)
    {
        Size = size;
        _fill = fill;
    }

    public long Size { get; }

    public void Read(long offset, Span<byte> destination)
    {
        CheckRange(offset, destination.Length);
        lock (_lock)
        {
            while (!destination.IsEmpty)
            {
                var (page, inPage, count) = Locate(offset, destination.Length);
                if (_pages.TryGetValue(page, out var bytes))
                {
                    bytes.AsSpan(inPage, count).CopyTo(destination);
                }
                else
                {
                    destination[..count].Fill(_fill);
                }

                destination = destination[count..];
                offset += count;
            }
        }
    }

    public byte[] Read(long offset, int length)
    {
        var bytes = new byte[length];
        Read(offset, bytes);
        return bytes;
    }

    public void Write(long offset, ReadOnlySpan<byte> source)
    {
        CheckRange(offset, source.Length);
        lock (_lock)
        {
            while (!source.IsEmpty)
            {
                var (page, inPage, count) = Locate(offset, source.Length);
                source[..count].CopyTo(PageFor(page).AsSpan(inPage, count));
                source = source[count..];
                offset += count;
            }
        }
    }

    /// <summary>Sets a range to the fill value (NOR erase, RAM clear), dropping whole pages.</summary>
    public void Clear(long offset, long length)
    {
        CheckRange(offset, length);
        lock (_lock)
        {
            while (length > 0)
            {
                var (page, inPage, count) = Locate(offset, (int)Math.Min(length, PageSize));
                if (count == PageSize)
                {
                    _pages.Remove(page);
                }
                else if (_pages.TryGetValue(page, out var bytes))
                {
                    bytes.AsSpan(inPage, count).Fill(_fill);
                }

                offset += count;
                length -= count;
            }
        }
    }

    public void ClearAll()
    {
        lock (_lock)
        {
            _pages.Clear();
        }
    }

    /// <summary>True when every byte of the range holds the fill value.</summary>
    public bool IsBlank(long offset, long length)
    {
        CheckRange(offset, length);
        lock (_lock)
        {
            while (length > 0)
            {
                var (page, inPage, count) = Locate(offset, (int)Math.Min(length, PageSize));
                if (_pages.TryGetValue(page, out var bytes) && bytes.AsSpan(inPage, count).ContainsAnyExcept(_fill))
                {
                    return false;
                }

                offset += count;
                length -= count;
            }

            return true;
        }
    }

    private static (long Page, int InPage, int Count) Locate(long offset, int wanted)
    {
        var page = offset >> PageShift;
        var inPage = (int)(offset & (PageSize - 1));
        return (page, inPage, Math.Min(wanted, PageSize - inPage));
    }

    private byte[] PageFor(long page)
    {
        if (!_pages.TryGetValue(page, out var bytes))
        {
            bytes = new byte[PageSize];
            bytes.AsSpan().Fill(_fill);
            _pages[page] = bytes;
        }

        return bytes;
    }

    private void CheckRange(long offset, long length)
    {
        if (offset < 0 || length < 0 || offset + length > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"[{offset}, +{length}) is outside 0..{Size}.");
        }
    }
}
