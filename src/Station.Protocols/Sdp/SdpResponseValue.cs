namespace Station.Protocols.Sdp;

/// <summary>
/// The 4-byte words the ROM answers with (PROTOCOLS.md 7.3). Every value is a byte palindrome, so a
/// little-endian and a big-endian reading agree.
/// </summary>
public static class SdpResponseValue
{
    /// <summary>HAB mode: open (development; unsigned images run).</summary>
    public const uint HabOpen = 0x56787856;

    /// <summary>HAB mode: closed (secure; only signed images run).</summary>
    public const uint HabClosed = 0x12343412;

    /// <summary>write-register, dcd-write and write-csf completed.</summary>
    public const uint WriteComplete = 0x128A8A12;

    /// <summary>write-file completed.</summary>
    public const uint WriteFileComplete = 0x88888888;

    /// <summary>skip-dcd-header accepted.</summary>
    public const uint SkipDcdHeaderOk = 0x900DD009;

    /// <summary>error-status: HAB reported success.</summary>
    public const uint HabSuccess = 0xF0F0F0F0;

    /// <summary>error-status: HAB reported a failure.</summary>
    public const uint HabFailure = 0x33333333;

    /// <summary>error-status: HAB reported a warning.</summary>
    public const uint HabWarning = 0x69696969;
}
