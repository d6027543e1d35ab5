namespace Station.Simulator.Memory;

/// <summary>
/// The parts of a board that hold data: RAM (lost on reset and power-off), the FlexSPI NOR array
/// and the eFuses (kept). Controller state (FlexSPI configuration, page buffer) lives with the
/// flashloader that set it up, not here.
/// </summary>
internal sealed class BoardHardware
{
    private readonly (RamRegion Region, SparseMemory Memory)[] _ram;

    public BoardHardware(BoardFamily family, ulong uniqueId, IReadOnlyDictionary<int, uint>? fuses, string? fuseFile = null)
    {
        Family = family;
        _ram = [.. family.RamRegions.Select(r => (r, new SparseMemory(r.Size, 0x00)))];
        Flash = new SparseMemory(family.Flash.Size, 0xFF);
        Fuses = new OcotpFuses(family.FuseWordCount, uniqueId, fuses, fuseFile);
    }

    public BoardFamily Family { get; }

    public SparseMemory Flash { get; }

    public OcotpFuses Fuses { get; }

    /// <summary>The RAM window holding all of [<paramref name="address"/>, +<paramref name="length"/>), if any.</summary>
    public bool TryGetRam(uint address, long length, out RamRegion region, out SparseMemory memory)
    {
        foreach (var (r, m) in _ram)
        {
            if (r.Contains(address, Math.Max(length, 1)))
            {
                (region, memory) = (r, m);
                return true;
            }
        }

        (region, memory) = (null!, null!);
        return false;
    }

    public bool IsRam(uint address, long length) => TryGetRam(address, length, out _, out _);

    public bool TryReadRam(uint address, Span<byte> destination)
    {
        if (!TryGetRam(address, destination.Length, out var region, out var memory))
        {
            return false;
        }

        memory.Read(address - region.Start, destination);
        return true;
    }

    public bool TryWriteRam(uint address, ReadOnlySpan<byte> source)
    {
        if (!TryGetRam(address, source.Length, out var region, out var memory))
        {
            return false;
        }

        memory.Write(address - region.Start, source);
        return true;
    }

    /// <summary>Reset or power loss: RAM no longer holds what was loaded (the ROM reuses it while booting).</summary>
    public void ClearRam()
    {
        foreach (var (_, memory) in _ram)
        {
            memory.ClearAll();
        }
    }
}
