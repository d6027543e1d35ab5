namespace Station.Simulator;

/// <summary>One RAM window of a board's memory map.</summary>
/// <param name="Name">ITCM, DTCM or OCRAM.</param>
/// <param name="Start">First address.</param>
/// <param name="Size">Length in bytes.</param>
public sealed record RamRegion(string Name, uint Start, int Size)
{
    /// <summary>Last address (inclusive).</summary>
    public uint End => Start + (uint)Size - 1;

    /// <summary>True when [<paramref name="address"/>, +<paramref name="length"/>) lies inside.</summary>
    public bool Contains(uint address, long length) =>
        address >= Start && length >= 0 && address - (long)Start + length <= Size;
}
