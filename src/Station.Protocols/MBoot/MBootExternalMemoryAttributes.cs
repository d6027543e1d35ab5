namespace Station.Protocols.MBoot;

/// <summary>
/// The external-memory-attributes property (0x19) of one memory: six words, flags then start
/// address, size in KiB, page, sector and block size; flag bits 0–4 say which are valid
/// (PROTOCOLS.md 5). Invalid fields are null.
/// </summary>
/// <param name="StartAddress">Memory-mapped start address.</param>
/// <param name="SizeInBytes">Total size (the device reports KiB).</param>
/// <param name="PageSize">Program page size.</param>
/// <param name="SectorSize">Erase sector size.</param>
/// <param name="BlockSize">Erase block size.</param>
public sealed record MBootExternalMemoryAttributes(uint? StartAddress, long? SizeInBytes, uint? PageSize, uint? SectorSize, uint? BlockSize)
{
    internal const int ValueCount = 6;

    private const uint HasStartAddress = 1 << 0;
    private const uint HasSize = 1 << 1;
    private const uint HasPageSize = 1 << 2;
    private const uint HasSectorSize = 1 << 3;
    private const uint HasBlockSize = 1 << 4;

    internal static MBootExternalMemoryAttributes FromValues(IReadOnlyList<uint> values)
    {
        var flags = values[0];
        return new MBootExternalMemoryAttributes(
            (flags & HasStartAddress) != 0 ? values[1] : null,
            (flags & HasSize) != 0 ? values[2] * 1024L : null,
            (flags & HasPageSize) != 0 ? values[3] : null,
            (flags & HasSectorSize) != 0 ? values[4] : null,
            (flags & HasBlockSize) != 0 ? values[5] : null);
    }
}
