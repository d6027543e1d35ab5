using System.Buffers.Binary;

namespace Station.Images.Arm;

/// <summary>
/// The start of a Cortex-M vector table: initial stack pointer, then the reset, NMI, HardFault, …
/// handler addresses (Thumb: bit 0 set). Reads the 16 core entries.
/// </summary>
/// <param name="Address">Where the table sits (file or flash address).</param>
/// <param name="Entries">Word 0 = initial SP, word 1 = reset, 2 = NMI, 3 = HardFault, … up to 16 words.</param>
public sealed record CortexMVectorTable(uint Address, IReadOnlyList<uint> Entries)
{
    /// <summary>Number of core (system exception) entries read.</summary>
    public const int CoreEntries = 16;

    /// <summary>Initial main stack pointer.</summary>
    public uint InitialStackPointer => Entries[0];

    /// <summary>Reset handler address (odd for Thumb).</summary>
    public uint Reset => Entries[1];

    /// <summary>NMI handler address.</summary>
    public uint Nmi => Entries.Count > 2 ? Entries[2] : 0;

    /// <summary>HardFault handler address.</summary>
    public uint HardFault => Entries.Count > 3 ? Entries[3] : 0;

    /// <summary>Reads up to 16 entries from <paramref name="bytes"/>; null when fewer than 4 words are there.</summary>
    public static CortexMVectorTable? TryRead(ReadOnlySpan<byte> bytes, uint address)
    {
        var count = Math.Min(CoreEntries, bytes.Length / 4);
        if (count < 4)
        {
            return null;
        }

        var entries = new uint[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(4 * i)..]);
        }

        return new CortexMVectorTable(address, entries);
    }

    /// <summary>
    /// Whether this looks like a real vector table: a 4-byte-aligned stack top accepted by
    /// <paramref name="isStackTop"/>, and odd (Thumb) reset, NMI and HardFault handlers.
    /// </summary>
    public bool IsPlausible(Func<uint, bool> isStackTop)
    {
        ArgumentNullException.ThrowIfNull(isStackTop);
        return InitialStackPointer % 4 == 0 && isStackTop(InitialStackPointer) && IsThumb(Reset) && IsThumb(Nmi) && IsThumb(HardFault);
    }

    /// <summary>Whether MSP and reset are both 0 or both erased (0xFFFFFFFF): no table here at all.</summary>
    public bool IsBlank => (InitialStackPointer == 0 && Reset == 0) || (InitialStackPointer == uint.MaxValue && Reset == uint.MaxValue);

    /// <summary>The distinct non-zero handler addresses (entries 1-15).</summary>
    public IReadOnlyList<uint> Handlers => Entries.Skip(1).Where(e => e != 0).Distinct().ToList();

    private static bool IsThumb(uint handler) => (handler & 1) == 1;
}
