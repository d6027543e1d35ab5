namespace Station.Images.Lint;

/// <summary>Where an MCUboot image will run: the slot it is written to and the part's RAM (for the stack pointer check).</summary>
public sealed record McubootLintOptions
{
    /// <summary>Flash address of the slot (from the product's partition table).</summary>
    public required uint SlotAddress { get; init; }

    /// <summary>First RAM address.</summary>
    public required uint RamStart { get; init; }

    /// <summary>RAM size in bytes.</summary>
    public required uint RamSize { get; init; }

    /// <summary>VTOR alignment the core needs (128 bytes on ARMv7-M/v8-M; more for many interrupts).</summary>
    public uint VectorTableAlignment { get; init; } = 0x80;

    /// <summary>Whether <paramref name="stackTop"/> is a valid initial stack pointer in the RAM range (the end is allowed).</summary>
    public bool IsStackTop(uint stackTop) => stackTop > RamStart && stackTop <= (ulong)RamStart + RamSize;
}
