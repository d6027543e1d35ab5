namespace Station.Core.Fuses;

/// <summary>One 32-bit OCOTP fuse word as a family's fuse map names it.</summary>
/// <param name="Index">The word index that efuse-read-once / efuse-program-once take.</param>
/// <param name="Name">The reference manual's name (e.g. <c>SRK0</c>, <c>CFG5</c>).</param>
/// <param name="Role">What burning it does, which decides the order of a burn.</param>
public sealed record FuseWordInfo(uint Index, string Name, FuseWordRole Role);

/// <summary>
/// Why the order of a burn matters: key material goes first and the bits that close or lock the
/// device go last, so a failure never leaves a closed device with a bad key (DESIGN.md step 12).
/// </summary>
public enum FuseWordRole
{
    /// <summary>Keys and key hashes (SRK hash, OTPMK, SW_GP2, GP4).</summary>
    KeyMaterial = 0,

    /// <summary>Boot and device configuration, MAC addresses, general purpose words.</summary>
    Configuration = 1,

    /// <summary>Words holding bits that close the device (CFG5 holds SEC_CONFIG, which closes HAB).</summary>
    Security = 2,

    /// <summary>The LOCK word: write and read locks of other words.</summary>
    Lock = 3,
}
