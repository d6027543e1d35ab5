namespace Station.Simulator;

/// <summary>An image in RAM as its IVT's boot data describes it (the flashloader's reserved region).</summary>
/// <param name="Start">Boot data start address.</param>
/// <param name="Size">Boot data length in bytes.</param>
/// <param name="IvtAddress">Where its IVT is (the jump address).</param>
public sealed record LoadedImage(uint Start, int Size, uint IvtAddress)
{
    /// <summary>Last address (inclusive).</summary>
    public uint End => Start + (uint)Size - 1;
}
