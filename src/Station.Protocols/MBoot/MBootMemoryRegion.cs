using System.Globalization;

namespace Station.Protocols.MBoot;

/// <summary>A memory region with an inclusive end, as the reserved-regions property reports it.</summary>
/// <param name="Start">First address.</param>
/// <param name="End">Last address (inclusive).</param>
public sealed record MBootMemoryRegion(uint Start, uint End)
{
    /// <summary>Bytes in the region.</summary>
    public long Length => (long)End - Start + 1;

    /// <summary><c>0x20000000 - 0x20007FFF</c>, as blhost prints it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"0x{Start:X8} - 0x{End:X8}");
}
