namespace Station.Protocols.MBoot;

/// <summary>Response tag, byte 0 of a response packet (PROTOCOLS.md 3.3).</summary>
public enum MBootResponseTag : byte
{
    /// <summary>Status and the tag of the command it answers (2 params).</summary>
    Generic = 0xA0,

    /// <summary>Status and the byte count of the device→host data phase that follows (flags = 1).</summary>
    ReadMemory = 0xA3,

    /// <summary>Status and up to six property values.</summary>
    GetProperty = 0xA7,

    /// <summary>Status, byte count and the data words read from the fuse/once area.</summary>
    FlashReadOnce = 0xAF,

    /// <summary>Status and the byte count of the device→host data phase that follows (flags = 1).</summary>
    FlashReadResource = 0xB0,

    /// <summary>Status and the byte count of the key blob that follows (flags = 1).</summary>
    GenerateKeyBlob = 0xB3,

    /// <summary>Status and the byte count of the key data that follows (flags = 1).</summary>
    KeyProvisioning = 0xB5,

    /// <summary>Status and trust-provisioning values.</summary>
    TrustProvisioning = 0xB6,
}
