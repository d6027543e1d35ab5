namespace Station.Images.Imxrt;

/// <summary>A named address range of a part (RAM or flash window).</summary>
/// <param name="Name">"DTCM", "OCRAM", "SDRAM", …</param>
/// <param name="Start">First address.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="NeedsInitialisation">True for external memory (SDRAM) that the ROM does not set up without a DCD.</param>
public sealed record MemoryRegion(string Name, uint Start, uint Size, bool NeedsInitialisation = false)
{
    /// <summary>Address just past the region.</summary>
    public ulong End => (ulong)Start + Size;

    /// <summary>Whether <paramref name="address"/> is inside the region.</summary>
    public bool Contains(uint address) => address >= Start && address < End;

    /// <summary>Whether <paramref name="stackTop"/> is a valid initial stack pointer for this region (the end is allowed: the stack grows down).</summary>
    public bool HoldsStackTop(uint stackTop) => stackTop > Start && stackTop <= End;
}
