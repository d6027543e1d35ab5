namespace Station.Images.Mcuboot;

/// <summary>One TLV entry <c>{u16 type, u16 length, value}</c>.</summary>
/// <param name="Type">The type (may be a vendor type outside <see cref="McubootTlvType"/>).</param>
/// <param name="Value">The value bytes.</param>
/// <param name="IsProtected">Whether it is in the protected (0x6908, hashed) area.</param>
/// <param name="Offset">File offset of the entry's type field.</param>
public sealed record McubootTlv(McubootTlvType Type, ReadOnlyMemory<byte> Value, bool IsProtected, int Offset)
{
    /// <summary>Type and length: 4 bytes.</summary>
    public const int HeaderLength = 4;

    /// <summary>The type's name, or its number for unknown types.</summary>
    public string TypeName => Enum.IsDefined(Type) ? Type.ToString() : $"0x{(ushort)Type:X4}";
}
