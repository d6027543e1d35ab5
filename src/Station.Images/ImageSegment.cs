namespace Station.Images;

/// <summary>Contiguous bytes at an absolute address.</summary>
/// <param name="Address">Address of the first byte.</param>
/// <param name="Data">The bytes.</param>
public sealed record ImageSegment(uint Address, ReadOnlyMemory<byte> Data)
{
    /// <summary>Number of bytes.</summary>
    public int Length => Data.Length;

    /// <summary>Address just past the last byte (may be 2^32).</summary>
    public ulong End => (ulong)Address + (ulong)Data.Length;

    /// <summary>Whether <paramref name="address"/> is one of this segment's bytes.</summary>
    public bool Contains(uint address) => address >= Address && address < End;
}
