namespace Station.Images.Imxrt;

/// <summary>How to build an i.MX RT FlexSPI NOR XIP boot image.</summary>
public sealed record ImxrtBuildOptions
{
    /// <summary>The part; decides the flash base, FCB offset and layout.</summary>
    public required ImxrtDevice Device { get; init; }

    /// <summary>The FCB to place at the FCB offset; null leaves that area filled (the flash must already hold one).</summary>
    public FlexSpiNorConfig? Fcb { get; init; }

    /// <summary>
    /// Fill for the area before the IVT that the FCB does not cover. 0x00 (default) matches NXP's
    /// Secure Provisioning Tool; 0xFF matches <c>nxpimage bootable-image</c> and erased flash.
    /// </summary>
    public byte Fill { get; init; }

    /// <summary>Overrides the device's flash base (e.g. 0x60000000 for an RT1064 booting from external FlexSPI1 flash).</summary>
    public uint? BaseAddress { get; init; }

    /// <summary>Overrides the IVT entry; by default it is the application's reset vector (word 1), as SPSDK does.</summary>
    public uint? EntryPoint { get; init; }

    /// <summary>IVT header version byte; 0x40 as SPSDK/SPT/elftosb write it.</summary>
    public byte IvtVersion { get; init; } = ImageVectorTable.DefaultVersion;

    /// <summary>The flash base used: <see cref="BaseAddress"/> or the device's.</summary>
    public uint EffectiveBase => BaseAddress ?? Device.FlexSpiBase;
}
