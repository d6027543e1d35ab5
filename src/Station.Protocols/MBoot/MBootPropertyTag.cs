namespace Station.Protocols.MBoot;

/// <summary>
/// Property tag of get-property / set-property, sent as a 32-bit parameter (PROTOCOLS.md 5;
/// SPSDK <c>spsdk/mboot/properties.py</c> <c>PropertyTag</c>; MCUBOOT <c>property.h</c>).
/// Tags above 0x1F differ between device families and are left out.
/// </summary>
public enum MBootPropertyTag : uint
{
    /// <summary>List of properties.</summary>
    ListProperties = 0x00,

    /// <summary>Bootloader version: name &lt;&lt; 24 | major &lt;&lt; 16 | minor &lt;&lt; 8 | bugfix ('K').</summary>
    CurrentVersion = 0x01,

    /// <summary>Bit mask of peripherals the bootloader listens on.</summary>
    AvailablePeripherals = 0x02,

    /// <summary>Internal flash start address (none on RT10xx).</summary>
    FlashStartAddress = 0x03,

    /// <summary>Internal flash size in bytes.</summary>
    FlashSizeInBytes = 0x04,

    /// <summary>Internal flash sector size.</summary>
    FlashSectorSize = 0x05,

    /// <summary>Internal flash block count.</summary>
    FlashBlockCount = 0x06,

    /// <summary>Bit mask of supported commands: bit (tag − 1) per command.</summary>
    AvailableCommands = 0x07,

    /// <summary>Application CRC check status.</summary>
    CrcCheckStatus = 0x08,

    /// <summary>Last error (reserved).</summary>
    LastError = 0x09,

    /// <summary>Whether writes are read back and verified (read-only on the i.MX flashloader).</summary>
    VerifyWrites = 0x0A,

    /// <summary>Largest data packet the device takes: 1012 over USB HID, 512 over UART.</summary>
    MaxPacketSize = 0x0B,

    /// <summary>Reserved flash and RAM regions as inclusive start/end pairs.</summary>
    ReservedRegions = 0x0C,

    /// <summary>Validate regions.</summary>
    ValidateRegions = 0x0D,

    /// <summary>RAM start address of the region given as index.</summary>
    RamStartAddress = 0x0E,

    /// <summary>RAM size of the region given as index.</summary>
    RamSizeInBytes = 0x0F,

    /// <summary>System device ID.</summary>
    SystemDeviceId = 0x10,

    /// <summary>Security state (i.MX: 0 = HAB open, 1 = closed).</summary>
    SecurityState = 0x11,

    /// <summary>Unique device ID (two words, OCOTP CFG0 and CFG1, on RT10xx).</summary>
    UniqueDeviceId = 0x12,

    /// <summary>Flash FAC support.</summary>
    FlashFacSupport = 0x13,

    /// <summary>Flash access segment size.</summary>
    FlashAccessSegmentSize = 0x14,

    /// <summary>Flash access segment count.</summary>
    FlashAccessSegmentCount = 0x15,

    /// <summary>Flash read margin.</summary>
    FlashReadMargin = 0x16,

    /// <summary>QuadSPI / OTFAD initialisation status.</summary>
    QspiInitStatus = 0x17,

    /// <summary>Target version ('T').</summary>
    TargetVersion = 0x18,

    /// <summary>External memory attributes; the index is the memory ID (e.g. 9).</summary>
    ExternalMemoryAttributes = 0x19,

    /// <summary>Reliable update status.</summary>
    ReliableUpdateStatus = 0x1A,

    /// <summary>Flash page size.</summary>
    FlashPageSize = 0x1B,

    /// <summary>IRQ notifier pin.</summary>
    IrqNotifierPin = 0x1C,

    /// <summary>PFR keystore update option.</summary>
    PfrKeystoreUpdateOption = 0x1D,

    /// <summary>Byte write timeout in ms.</summary>
    ByteWriteTimeoutMs = 0x1E,

    /// <summary>Fuse locked status.</summary>
    FuseLockedStatus = 0x1F,
}
