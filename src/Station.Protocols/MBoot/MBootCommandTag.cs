namespace Station.Protocols.MBoot;

/// <summary>
/// Command tag, byte 0 of a command packet (PROTOCOLS.md 3.2; SPSDK <c>spsdk/mboot/commands.py</c>
/// <c>CommandTag</c>; MCUBOOT <c>command_packet.h</c>).
/// </summary>
public enum MBootCommandTag : byte
{
    /// <summary>No command: <c>load-image</c> sends raw data packets with no command.</summary>
    NoCommand = 0x00,

    /// <summary><c>flash-erase-all [memId]</c>; params: memoryId.</summary>
    FlashEraseAll = 0x01,

    /// <summary><c>flash-erase-region</c>; params: start, byteCount, memoryId.</summary>
    FlashEraseRegion = 0x02,

    /// <summary><c>read-memory</c>; params: start, byteCount, memoryId; device→host data phase.</summary>
    ReadMemory = 0x03,

    /// <summary><c>write-memory</c>; params: start, byteCount, memoryId; host→device data phase.</summary>
    WriteMemory = 0x04,

    /// <summary><c>fill-memory</c>; params: start, byteCount, pattern word.</summary>
    FillMemory = 0x05,

    /// <summary><c>flash-security-disable</c>; params: backdoor key low, high.</summary>
    FlashSecurityDisable = 0x06,

    /// <summary><c>get-property</c>; params: property tag, memory id or index.</summary>
    GetProperty = 0x07,

    /// <summary><c>receive-sb-file</c>; params: byteCount; host→device data phase.</summary>
    ReceiveSbFile = 0x08,

    /// <summary><c>execute</c>; params: jump address, argument, stack pointer.</summary>
    Execute = 0x09,

    /// <summary><c>call</c>; params: address, argument.</summary>
    Call = 0x0A,

    /// <summary><c>reset</c>; no params; the device answers, then resets.</summary>
    Reset = 0x0B,

    /// <summary><c>set-property</c>; params: property tag, value.</summary>
    SetProperty = 0x0C,

    /// <summary><c>flash-erase-all-unsecure</c>; no params.</summary>
    FlashEraseAllUnsecure = 0x0D,

    /// <summary><c>efuse-program-once</c>; params: index (bit 24 = lock), byteCount, data word(s).</summary>
    FlashProgramOnce = 0x0E,

    /// <summary><c>efuse-read-once</c>; params: index, byteCount.</summary>
    FlashReadOnce = 0x0F,

    /// <summary><c>flash-read-resource</c>; params: start, byteCount, option; device→host data phase.</summary>
    FlashReadResource = 0x10,

    /// <summary><c>configure-memory</c>; params: memoryId, config block address (in that order).</summary>
    ConfigureMemory = 0x11,

    /// <summary><c>reliable-update</c>; params: address.</summary>
    ReliableUpdate = 0x12,

    /// <summary><c>generate-key-blob</c>; params: key selector, key length, phase.</summary>
    GenerateKeyBlob = 0x13,

    /// <summary><c>fuse-program</c> (SPSDK only; not in the RT10xx flashloader).</summary>
    FuseProgram = 0x14,

    /// <summary><c>key-provisioning</c>; params: operation, type, ….</summary>
    KeyProvisioning = 0x15,

    /// <summary><c>trust-provisioning</c>.</summary>
    TrustProvisioning = 0x16,

    /// <summary><c>fuse-read</c> (SPSDK only).</summary>
    FuseRead = 0x17,

    /// <summary><c>update-life-cycle</c>; params: life cycle.</summary>
    UpdateLifeCycle = 0x18,

    /// <summary><c>ele-message</c>; params: command address, count, response address, count.</summary>
    EleMessage = 0x19,

    /// <summary>EdgeLock 2GO.</summary>
    El2Go = 0x20,

    /// <summary>Configure I2C (BusPal only).</summary>
    ConfigureI2c = 0xC1,

    /// <summary>Configure SPI (BusPal only).</summary>
    ConfigureSpi = 0xC2,

    /// <summary>Configure CAN (BusPal only).</summary>
    ConfigureCan = 0xC3,
}
