namespace Station.Images.Mcuboot;

/// <summary>
/// imgtool sign's options, with its defaults. Names follow imgtool: <c>--header-size</c>,
/// <c>--pad-header</c>, <c>--align</c>, <c>--version</c>, <c>--slot-size</c>, <c>--pad</c>,
/// <c>--confirm</c>, <c>--security-counter</c>, <c>-R/--erased-val</c>, <c>-M/--max-sectors</c>,
/// <c>--max-align</c>, <c>--overwrite-only</c>, <c>--public-key-format</c>, <c>--pad-sig</c>,
/// <c>--load-addr</c>.
/// </summary>
public sealed record McubootSignOptions
{
    /// <summary>ih_hdr_size (at least 32).</summary>
    public required int HeaderSize { get; init; }

    /// <summary>Prepend <see cref="HeaderSize"/> erased bytes for the header; without it the input must start with that many zeros.</summary>
    public bool PadHeader { get; init; }

    /// <summary>Flash write alignment: 1, 2, 4, 8, 16 or 32 (sizes the trailer).</summary>
    public int Align { get; init; } = 1;

    /// <summary>Image version.</summary>
    public McubootVersion Version { get; init; } = McubootVersion.Zero;

    /// <summary>Slot size; 0 for none. With a slot size the image plus trailer must fit.</summary>
    public int SlotSize { get; init; }

    /// <summary>Pad to <see cref="SlotSize"/> and write the trailer magic (swap type TEST in the secondary slot).</summary>
    public bool Pad { get; init; }

    /// <summary>Also set image_ok (swap type PERM); implies <see cref="Pad"/>, as in imgtool.</summary>
    public bool Confirm { get; init; }

    /// <summary>Protected SEC_CNT TLV value; null for none (imgtool "-s auto" is <see cref="McubootVersion.AutoSecurityCounter"/>).</summary>
    public uint? SecurityCounter { get; init; }

    /// <summary>Value of erased flash, used for the header padding and the slot padding (0xFF; -R 0 for 0x00).</summary>
    public byte ErasedValue { get; init; } = 0xFF;

    /// <summary>Maximum sectors per slot (sizes the swap status area; imgtool default 128).</summary>
    public int MaxSectors { get; init; } = 128;

    /// <summary>BOOT_MAX_ALIGN; null means max(8, <see cref="Align"/>).</summary>
    public int? MaxAlign { get; init; }

    /// <summary>Use the short overwrite-only trailer.</summary>
    public bool OverwriteOnly { get; init; }

    /// <summary>KEYHASH (default) or PUBKEY.</summary>
    public McubootPublicKeyFormat PublicKeyFormat { get; init; } = McubootPublicKeyFormat.Hash;

    /// <summary>Pad ECDSA signatures with zeros to their maximum DER length (72 for P-256, 104 for P-384).</summary>
    public bool PadSignature { get; init; }

    /// <summary>ih_load_addr for RAM-load images (sets the RAM_LOAD flag); 0 for XIP.</summary>
    public uint LoadAddress { get; init; }

    /// <summary>Whether the output is padded to the slot.</summary>
    public bool EffectivePad => Pad || Confirm;

    /// <summary>The BOOT_MAX_ALIGN in effect.</summary>
    public int EffectiveMaxAlign => MaxAlign ?? Math.Max(8, Align);

    /// <summary>
    /// imgtool's trailer size: <c>max_sectors × 3 × align + 4 × max_align + align_up(16, max_align)</c>
    /// (overwrite-only: <c>2 × max_align + align_up(16, max_align)</c>); 1584 bytes for align 4.
    /// </summary>
    public int TrailerSize
    {
        get
        {
            var magicArea = (McubootTrailer.MagicLength + EffectiveMaxAlign - 1) / EffectiveMaxAlign * EffectiveMaxAlign;
            return OverwriteOnly
                ? (2 * EffectiveMaxAlign) + magicArea
                : (MaxSectors * 3 * Align) + (4 * EffectiveMaxAlign) + magicArea;
        }
    }
}
