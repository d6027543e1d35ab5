namespace Station.Images.Mcuboot;

/// <summary>
/// The swap trailer at the end of a slot-sized image (IMAGES.md B.1), read from the last bytes of
/// the file: magic at −16 (BOOT_MAX_ALIGN 8), image_ok at −24, copy_done at −32, swap_info at −40,
/// swap_size at −48. Other BOOT_MAX_ALIGN values use the alternative magic
/// <c>u16 max_align ‖ 2d e1 5d 29 41 0b 8d 77 67 9c 11 0f 1f 8a</c> and offsets scaled by max_align.
/// </summary>
/// <param name="MaxAlign">BOOT_MAX_ALIGN the magic implies.</param>
/// <param name="ImageOk">image_ok byte (0x01 set, 0xFF unset).</param>
/// <param name="CopyDone">copy_done byte.</param>
/// <param name="SwapInfo">swap_info byte: swap type [3:0], image number [7:4].</param>
public sealed record McubootTrailer(int MaxAlign, byte ImageOk, byte CopyDone, byte SwapInfo)
{
    /// <summary>The standard boot magic (BOOT_MAX_ALIGN 8).</summary>
    public static ReadOnlySpan<byte> StandardMagic => [0x77, 0xC2, 0x95, 0xF3, 0x60, 0xD2, 0xEF, 0x7F, 0x35, 0x52, 0x50, 0x0F, 0x2C, 0xB6, 0x79, 0x80];

    /// <summary>The last 14 bytes of the magic when BOOT_MAX_ALIGN is not 8 (preceded by the u16 max_align).</summary>
    public static ReadOnlySpan<byte> AlignedMagicTail => [0x2D, 0xE1, 0x5D, 0x29, 0x41, 0x0B, 0x8D, 0x77, 0x67, 0x9C, 0x11, 0x0F, 0x1F, 0x8A];

    /// <summary>Magic length.</summary>
    public const int MagicLength = 16;

    /// <summary>Whether image_ok is set (a permanent swap when placed in the secondary slot).</summary>
    public bool IsConfirmed => ImageOk == 0x01;

    /// <summary>The boot magic for <paramref name="maxAlign"/> (little-endian).</summary>
    public static byte[] Magic(int maxAlign) => maxAlign == 8
        ? StandardMagic.ToArray()
        : [(byte)maxAlign, (byte)(maxAlign >> 8), .. AlignedMagicTail];

    /// <summary>The trailer at the end of <paramref name="slot"/>, or null when it holds no boot magic.</summary>
    public static McubootTrailer? TryRead(ReadOnlySpan<byte> slot)
    {
        if (slot.Length < 64)
        {
            return null;
        }

        var magic = slot[^MagicLength..];
        int maxAlign;
        if (magic.SequenceEqual(StandardMagic))
        {
            maxAlign = 8;
        }
        else if (magic[2..].SequenceEqual(AlignedMagicTail))
        {
            maxAlign = magic[0] | (magic[1] << 8);
            if (maxAlign is < 8 or > 32 || (maxAlign & (maxAlign - 1)) != 0)
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        // imgtool: image_ok at -(align_up(16, max_align) + max_align), then copy_done and swap_info below it.
        var magicArea = (MagicLength + maxAlign - 1) / maxAlign * maxAlign;
        var imageOk = slot.Length - magicArea - maxAlign;
        return new McubootTrailer(maxAlign, slot[imageOk], slot[imageOk - maxAlign], slot[imageOk - (2 * maxAlign)]);
    }
}
