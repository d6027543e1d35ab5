namespace Station.Images.Imxrt;

/// <summary>
/// One 16-bit FlexSPI LUT instruction: <c>opcode[15:10] | pads[9:8] | operand[7:0]</c>; two per LUT
/// word, the low half first (IMAGES.md A.1.1).
/// </summary>
/// <param name="Opcode">What the controller does.</param>
/// <param name="PadCount">Data lines used: 1, 2, 4 or 8.</param>
/// <param name="Operand">Command byte, address bits, dummy cycles, …</param>
public readonly record struct FlexSpiLutInstruction(FlexSpiLutOpcode Opcode, int PadCount, byte Operand)
{
    /// <summary>The 16-bit encoding.</summary>
    public ushort Encode()
    {
        var pads = PadCount switch
        {
            1 => 0,
            2 => 1,
            4 => 2,
            8 => 3,
            _ => throw new ArgumentOutOfRangeException(nameof(PadCount), PadCount, "pads must be 1, 2, 4 or 8"),
        };
        return (ushort)(((int)Opcode << 10) | (pads << 8) | Operand);
    }

    /// <summary>Decodes a 16-bit instruction.</summary>
    public static FlexSpiLutInstruction Decode(ushort value) =>
        new((FlexSpiLutOpcode)(value >> 10), 1 << ((value >> 8) & 0x3), (byte)value);

    /// <summary>A LUT word holding <paramref name="first"/> in its low half and <paramref name="second"/> in its high half.</summary>
    public static uint Word(FlexSpiLutInstruction first, FlexSpiLutInstruction second) =>
        first.Encode() | ((uint)second.Encode() << 16);

    /// <inheritdoc/>
    public override string ToString()
    {
        var name = Enum.IsDefined(Opcode) ? Opcode.ToString() : $"op0x{(byte)Opcode:X2}";
        return $"{name} {PadCount}-pad 0x{Operand:X2}";
    }
}
