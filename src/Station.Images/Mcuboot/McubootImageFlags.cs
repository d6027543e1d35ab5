namespace Station.Images.Mcuboot;

/// <summary>ih_flags bits (mcuboot boot/bootutil/include/bootutil/image.h; IMAGES.md B.1).</summary>
[Flags]
public enum McubootImageFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,
    /// <summary>Position-independent (unsupported by MCUboot).</summary>
    Pic = 0x01,
    /// <summary>Payload encrypted with AES-128.</summary>
    EncryptedAes128 = 0x04,
    /// <summary>Payload encrypted with AES-256.</summary>
    EncryptedAes256 = 0x08,
    /// <summary>Not bootable (a secondary image part).</summary>
    NonBootable = 0x10,
    /// <summary>Copied to RAM at ih_load_addr before running.</summary>
    RamLoad = 0x20,
    /// <summary>Must run from the address in ih_load_addr.</summary>
    RomFixed = 0x100,
    /// <summary>LZMA1-compressed payload.</summary>
    CompressedLzma1 = 0x200,
    /// <summary>LZMA2-compressed payload.</summary>
    CompressedLzma2 = 0x400,
    /// <summary>ARM Thumb filter applied before compression.</summary>
    CompressedArmThumb = 0x800,
}
