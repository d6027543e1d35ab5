namespace Station.Protocols.MBoot;

/// <summary>
/// Status word of an MBoot response, with the values of PROTOCOLS.md Appendix A (SPSDK
/// <c>spsdk/mboot/error_codes.py</c>, matching MCUBOOT <c>bootloader_common.h</c>: group * 100 + code).
/// Every member's summary is the description blhost prints; <see cref="MBootStatus"/> has the table.
/// A device may send a value that is not listed here: keep the raw number, never assume membership.
/// </summary>
public enum MBootStatusCode : uint
{
    // Generic (group 0)
    /// <summary>Success</summary>
    Success = 0,
    /// <summary>Fail</summary>
    Fail = 1,
    /// <summary>Read Only Error</summary>
    ReadOnly = 2,
    /// <summary>Out Of Range Error</summary>
    OutOfRange = 3,
    /// <summary>Invalid Argument Error</summary>
    InvalidArgument = 4,
    /// <summary>Timeout Error</summary>
    TimeoutError = 5,
    /// <summary>No Transfer In Progress Error</summary>
    NoTransferInProgress = 6,

    // Flash driver (group 1)
    /// <summary>FLASH Driver: Size Error</summary>
    FlashSizeError = 100,
    /// <summary>FLASH Driver: Alignment Error</summary>
    FlashAlignmentError = 101,
    /// <summary>FLASH Driver: Address Error</summary>
    FlashAddressError = 102,
    /// <summary>FLASH Driver: Access Error</summary>
    FlashAccessError = 103,
    /// <summary>FLASH Driver: Protection Violation</summary>
    FlashProtectionViolation = 104,
    /// <summary>FLASH Driver: Command Failure</summary>
    FlashCommandFailure = 105,
    /// <summary>FLASH Driver: Unknown Property</summary>
    FlashUnknownProperty = 106,
    /// <summary>FLASH Driver: Provided Key Does Not Match Programmed Flash Memory Key</summary>
    FlashEraseKeyError = 107,
    /// <summary>FLASH Driver: Region Execute Only</summary>
    FlashRegionExecuteOnly = 108,
    /// <summary>FLASH Driver: Execute In RAM Function Not Ready</summary>
    FlashExecuteInRamFunctionNotReady = 109,
    /// <summary>FLASH Driver: Command Not Supported</summary>
    FlashCommandNotSupported = 111,
    /// <summary>FLASH Driver: Flash Memory Property Is Read-Only</summary>
    FlashReadOnlyProperty = 112,
    /// <summary>FLASH Driver: Flash Memory Property Value Out Of Range</summary>
    FlashInvalidPropertyValue = 113,
    /// <summary>FLASH Driver: Flash Memory Prefetch Speculation Option Is Invalid</summary>
    FlashInvalidSpeculationOption = 114,
    /// <summary>FLASH Driver: ECC Error</summary>
    FlashEccError = 116,
    /// <summary>FLASH Driver: Destination And Source Memory Contents Do Not Match</summary>
    FlashCompareError = 117,
    /// <summary>FLASH Driver: Loss Of Regulation During Read</summary>
    FlashRegulationLoss = 118,
    /// <summary>FLASH Driver: Wait State Cycle Set To Read/Write Mode Is Invalid</summary>
    FlashInvalidWaitStateCycles = 119,
    /// <summary>FLASH Driver: Operation is aborted</summary>
    FlashCommandAbortOption = 121,
    /// <summary>FLASH Driver: Out Of Date CFPA Page</summary>
    FlashOutOfDateCfpaPage = 132,
    /// <summary>FLASH Driver: Blank IFR Page Data</summary>
    FlashBlankIfrPageData = 133,
    /// <summary>FLASH Driver: Encrypted Regions Erase Not Done At Once</summary>
    FlashEncryptedRegionsEraseNotDoneAtOnce = 134,
    /// <summary>FLASH Driver: Program Verification Not Allowed</summary>
    FlashProgramVerificationNotAllowed = 135,
    /// <summary>FLASH Driver: Hash Check Error</summary>
    FlashHashCheckError = 136,
    /// <summary>FLASH Driver: Sealed PFR Region</summary>
    FlashSealedPfrRegion = 137,
    /// <summary>FLASH Driver: PFR Region Write Broken</summary>
    FlashPfrRegionWriteBroken = 138,
    /// <summary>FLASH Driver: NMPA Update Not Allowed</summary>
    FlashNmpaUpdateNotAllowed = 139,
    /// <summary>FLASH Driver: CMPA Cfg Direct Erase Not Allowed</summary>
    FlashCmpaCfgDirectEraseNotAllowed = 140,
    /// <summary>FLASH Driver: PFR Bank Is Locked</summary>
    FlashPfrBankIsLocked = 141,
    /// <summary>FLASH Driver: CFPA Scratch Page Invalid</summary>
    FlashCfpaScratchPageInvalid = 148,
    /// <summary>FLASH Driver: CFPA Version Rollback Disallowed</summary>
    FlashCfpaVersionRollbackDisallowed = 149,
    /// <summary>FLASH Driver: Flash Memory Hiding Read Not Allowed</summary>
    FlashReadHidingAreaDisallowed = 150,
    /// <summary>FLASH Driver: Flash Firewall Page Locked Erase And Program Are Not Allowed</summary>
    FlashModifyProtectedAreaDisallowed = 151,
    /// <summary>FLASH Driver: Flash Memory State Busy Flash Memory Command Is In Progress</summary>
    FlashCommandOperationInProgress = 152,
    /// <summary>FLASH Driver: IFR1 Access Not Allowed</summary>
    FlashIfr1AccessNotAllowed = 153,
    /// <summary>FLASH Driver: Flash Memory Erase Verify Failed</summary>
    FlashEraseVerifyFailed = 154,

    // I2C/SPI/QSPI/OTFAD (groups 2-5)
    /// <summary>I2C Driver: Slave Tx Underrun</summary>
    I2cSlaveTxUnderrun = 200,
    /// <summary>I2C Driver: Slave Rx Overrun</summary>
    I2cSlaveRxOverrun = 201,
    /// <summary>I2C Driver: Arbitration Lost</summary>
    I2cArbitrationLost = 202,
    /// <summary>SPI Driver: Slave Tx Underrun</summary>
    SpiSlaveTxUnderrun = 300,
    /// <summary>SPI Driver: Slave Rx Overrun</summary>
    SpiSlaveRxOverrun = 301,
    /// <summary>QSPI Driver: Flash Size Error</summary>
    QspiFlashSizeError = 400,
    /// <summary>QSPI Driver: Flash Alignment Error</summary>
    QspiFlashAlignmentError = 401,
    /// <summary>QSPI Driver: Flash Address Error</summary>
    QspiFlashAddressError = 402,
    /// <summary>QSPI Driver: Flash Command Failure</summary>
    QspiFlashCommandFailure = 403,
    /// <summary>QSPI Driver: Flash Unknown Property</summary>
    QspiFlashUnknownProperty = 404,
    /// <summary>QSPI Driver: Not Configured</summary>
    QspiNotConfigured = 405,
    /// <summary>QSPI Driver: Command Not Supported</summary>
    QspiCommandNotSupported = 406,
    /// <summary>QSPI Driver: Command Timeout</summary>
    QspiCommandTimeout = 407,
    /// <summary>QSPI Driver: Write Failure</summary>
    QspiWriteFailure = 408,
    /// <summary>OTFAD Driver: Security Violation</summary>
    OtfadSecurityViolation = 500,
    /// <summary>OTFAD Driver: Logically Disabled</summary>
    OtfadLogicallyDisabled = 501,
    /// <summary>OTFAD Driver: Invalid Key</summary>
    OtfadInvalidKey = 502,
    /// <summary>OTFAD Driver: Invalid Key Blob</summary>
    OtfadInvalidKeyBlob = 503,

    // SDMMC / send-op-cond (group 18)
    /// <summary>Communication Error with the SDMMC Memory Card</summary>
    SdmmcTransferFailed = 1801,
    /// <summary>Send Operation Condition failed</summary>
    SendOperationConditionError = 1812,

    // FlexSPI driver
    /// <summary>FLEXSPI: Sequence Execution Timeout</summary>
    FlexSpiSequenceExecutionTimeout = 6000,
    /// <summary>FLEXSPI: Invalid Sequence</summary>
    FlexSpiInvalidSequence = 6001,
    /// <summary>FLEXSPI: Device Timeout</summary>
    FlexSpiDeviceTimeout = 6002,
    /// <summary>FLEXSPI: Sequence Execution Timeout</summary>
    FlexSpiSequenceExecutionTimeoutGroup70 = 7000,
    /// <summary>FLEXSPI: Invalid Sequence</summary>
    FlexSpiInvalidSequenceGroup70 = 7001,
    /// <summary>FLEXSPI: Device Timeout</summary>
    FlexSpiDeviceTimeoutGroup70 = 7002,

    // Bootloader (group 100)
    /// <summary>Unknown Command</summary>
    UnknownCommand = 10000,
    /// <summary>Security Violation</summary>
    SecurityViolation = 10001,
    /// <summary>Abort Data Phase</summary>
    AbortDataPhase = 10002,
    /// <summary>Ping Error</summary>
    PingError = 10003,
    /// <summary>No response packet from target device</summary>
    NoResponse = 10004,
    /// <summary>No Response Expected</summary>
    NoResponseExpected = 10005,
    /// <summary>Unsupported Command</summary>
    UnsupportedCommand = 10006,

    // SB loader (group 101)
    /// <summary>ROM Loader: Section Overrun</summary>
    RomLdrSectionOverrun = 10100,
    /// <summary>ROM Loader: Signature Error</summary>
    RomLdrSignature = 10101,
    /// <summary>ROM Loader: Section Length Error</summary>
    RomLdrSectionLength = 10102,
    /// <summary>ROM Loader: Unencrypted Only</summary>
    RomLdrUnencryptedOnly = 10103,
    /// <summary>ROM Loader: EOF Reached</summary>
    RomLdrEofReached = 10104,
    /// <summary>ROM Loader: Checksum Error</summary>
    RomLdrChecksum = 10105,
    /// <summary>ROM Loader: CRC32 Error</summary>
    RomLdrCrc32Error = 10106,
    /// <summary>ROM Loader: Unknown Command</summary>
    RomLdrUnknownCommand = 10107,
    /// <summary>ROM Loader: ID Not Found</summary>
    RomLdrIdNotFound = 10108,
    /// <summary>ROM Loader: Data Underrun</summary>
    RomLdrDataUnderrun = 10109,
    /// <summary>ROM Loader: Jump Returned</summary>
    RomLdrJumpReturned = 10110,
    /// <summary>ROM Loader: Call Failed</summary>
    RomLdrCallFailed = 10111,
    /// <summary>ROM Loader: Key Not Found</summary>
    RomLdrKeyNotFound = 10112,
    /// <summary>ROM Loader: Secure Only</summary>
    RomLdrSecureOnly = 10113,
    /// <summary>ROM Loader: Reset Returned</summary>
    RomLdrResetReturned = 10114,
    /// <summary>ROM Loader: Rollback Blocked</summary>
    RomLdrRollbackBlocked = 10115,
    /// <summary>ROM Loader: Invalid Section Mac Count</summary>
    RomLdrInvalidSectionMacCount = 10116,
    /// <summary>ROM Loader: Unexpected Command</summary>
    RomLdrUnexpectedCommand = 10117,
    /// <summary>ROM Loader: Bad SBKEK Detected</summary>
    RomLdrBadSbkek = 10118,
    /// <summary>ROM Loader: Pending Jump Command</summary>
    RomLdrPendingJumpCommand = 10119,
    /// <summary>ROM Loader: Pending Reset Command</summary>
    RomLdrPendingResetCommand = 10120,

    // Memory interface (group 102)
    /// <summary>Memory Range Invalid</summary>
    MemoryRangeInvalid = 10200,
    /// <summary>Memory Read Failed</summary>
    MemoryReadFailed = 10201,
    /// <summary>Memory Write Failed</summary>
    MemoryWriteFailed = 10202,
    /// <summary>Memory Cumulative Write</summary>
    MemoryCumulativeWrite = 10203,
    /// <summary>Memory App Overlap with exec region</summary>
    MemoryAppOverlapWithExecuteOnlyRegion = 10204,
    /// <summary>Memory Not Configured</summary>
    MemoryNotConfigured = 10205,
    /// <summary>Memory Alignment Error</summary>
    MemoryAlignmentError = 10206,
    /// <summary>Memory Verify Failed</summary>
    MemoryVerifyFailed = 10207,
    /// <summary>Memory Write Protected</summary>
    MemoryWriteProtected = 10208,
    /// <summary>Memory Address Error</summary>
    MemoryAddressError = 10209,
    /// <summary>Memory Blank Check Failed</summary>
    MemoryBlankCheckFailed = 10210,
    /// <summary>Memory Blank Page Read Disallowed</summary>
    MemoryBlankPageReadDisallowed = 10211,
    /// <summary>Memory Protected Page Read Disallowed</summary>
    MemoryProtectedPageReadDisallowed = 10212,
    /// <summary>Memory PFR Spec Region Write Broken</summary>
    MemoryPfrSpecRegionWriteBroken = 10213,
    /// <summary>Memory Unsupported Command</summary>
    MemoryUnsupportedCommand = 10214,

    // Property store (group 103)
    /// <summary>Unknown Property</summary>
    UnknownProperty = 10300,
    /// <summary>Read Only Property</summary>
    ReadOnlyProperty = 10301,
    /// <summary>Invalid Property Value</summary>
    InvalidPropertyValue = 10302,

    // App CRC check (group 104)
    /// <summary>Application CRC Check: Passed</summary>
    AppCrcCheckPassed = 10400,
    /// <summary>Application: CRC Check: Failed</summary>
    AppCrcCheckFailed = 10401,
    /// <summary>Application CRC Check: Inactive</summary>
    AppCrcCheckInactive = 10402,
    /// <summary>Application CRC Check: Invalid</summary>
    AppCrcCheckInvalid = 10403,
    /// <summary>Application CRC Check: Out Of Range</summary>
    AppCrcCheckOutOfRange = 10404,

    // Packetizer (group 105)
    /// <summary>Packetizer Error: No Ping Response</summary>
    NoPingResponse = 10500,
    /// <summary>Packetizer Error: No response received for ping command</summary>
    InvalidPacketType = 10501,
    /// <summary>Packetizer Error: Invalid packet type</summary>
    InvalidCrc = 10502,
    /// <summary>Packetizer Error: No response received for command</summary>
    NoCommandResponse = 10503,

    // Reliable update (group 106)
    /// <summary>Reliable Update: Success</summary>
    ReliableUpdateSuccess = 10600,
    /// <summary>Reliable Update: Fail</summary>
    ReliableUpdateFail = 10601,
    /// <summary>Reliable Update: Inactive</summary>
    ReliableUpdateInactive = 10602,
    /// <summary>Reliable Update: Backup Application Invalid</summary>
    ReliableUpdateBackupApplicationInvalid = 10603,
    /// <summary>Reliable Update: Still In Main Application</summary>
    ReliableUpdateStillInMainApplication = 10604,
    /// <summary>Reliable Update: Swap System Not Ready</summary>
    ReliableUpdateSwapSystemNotReady = 10605,
    /// <summary>Reliable Update: Backup Bootloader Not Ready</summary>
    ReliableUpdateBackupBootloaderNotReady = 10606,
    /// <summary>Reliable Update: Swap Indicator Address Invalid</summary>
    ReliableUpdateSwapIndicatorAddressInvalid = 10607,
    /// <summary>Reliable Update: Swap System Not Available</summary>
    ReliableUpdateSwapSystemNotAvailable = 10608,
    /// <summary>Reliable Update: Swap Test</summary>
    ReliableUpdateSwapTest = 10609,

    // Serial NOR/EEPROM (group 107)
    /// <summary>SerialNorEeprom: Address Invalid</summary>
    SerialNorEepromAddressInvalid = 10700,
    /// <summary>SerialNorEeprom: Transfer Error</summary>
    SerialNorEepromTransferError = 10701,
    /// <summary>SerialNorEeprom: Type Invalid</summary>
    SerialNorEepromTypeInvalid = 10702,
    /// <summary>SerialNorEeprom: Size Invalid</summary>
    SerialNorEepromSizeInvalid = 10703,
    /// <summary>SerialNorEeprom: Command Invalid</summary>
    SerialNorEepromCommandInvalid = 10704,

    // ROM API (group 108)
    /// <summary>RomApi: Need More Data</summary>
    RomApiNeedMoreData = 10801,
    /// <summary>RomApi: Buffer Size Not Enough</summary>
    RomApiBufferSizeNotEnough = 10802,
    /// <summary>RomApi: Invalid Buffer</summary>
    RomApiInvalidBuffer = 10803,

    // FlexSPI NAND (group 200)
    /// <summary>FlexSPINAND: Read Page Fail</summary>
    FlexSpiNandReadPageFail = 20000,
    /// <summary>FlexSPINAND: Read Cache Fail</summary>
    FlexSpiNandReadCacheFail = 20001,
    /// <summary>FlexSPINAND: Ecc Check Fail</summary>
    FlexSpiNandEccCheckFail = 20002,
    /// <summary>FlexSPINAND: Page Load Fail</summary>
    FlexSpiNandPageLoadFail = 20003,
    /// <summary>FlexSPINAND: Page Execute Fail</summary>
    FlexSpiNandPageExecuteFail = 20004,
    /// <summary>FlexSPINAND: Erase Block Fail</summary>
    FlexSpiNandEraseBlockFail = 20005,
    /// <summary>FlexSPINAND: Wait Timeout</summary>
    FlexSpiNandWaitTimeout = 20006,
    /// <summary>SPI NAND: PageSize over the max supported size</summary>
    SpiNandPageSizeOverTheMaxSupportedSize = 20007,
    /// <summary>SPI NAND: Failed to update Flash config block to SPI NAND</summary>
    SpiNandFailedToUpdateFlashConfigBlock = 20008,
    /// <summary>SPI NAND: Failed to update discovered bad block table to SPI NAND</summary>
    SpiNandFailedToUpdateBadBlockTable = 20009,
    /// <summary>FlexSPINAND: Write Alignment Error</summary>
    FlexSpiNandWriteAlignmentError = 20010,
    /// <summary>FlexSPINAND: Not Found</summary>
    FlexSpiNandNotFound = 20011,

    // FlexSPI NOR (group 201)
    /// <summary>FLEXSPINOR: Program Fail</summary>
    FlexSpiNorProgramFail = 20100,
    /// <summary>FLEXSPINOR: Erase Sector Fail</summary>
    FlexSpiNorEraseSectorFail = 20101,
    /// <summary>FLEXSPINOR: Erase All Fail</summary>
    FlexSpiNorEraseAllFail = 20102,
    /// <summary>FLEXSPINOR:Wait Timeout</summary>
    FlexSpiNorWaitTimeout = 20103,
    /// <summary>FlexSPINOR: PageSize over the max supported size</summary>
    FlexSpiNorPageSizeOverTheMaxSupportedSize = 20104,
    /// <summary>FlexSPINOR:Write Alignment Error</summary>
    FlexSpiNorWriteAlignmentError = 20105,
    /// <summary>FlexSPINOR: Command Failure</summary>
    FlexSpiNorCommandFailure = 20106,
    /// <summary>FlexSPINOR: SFDP Not Found</summary>
    FlexSpiNorSfdpNotFound = 20107,
    /// <summary>FLEXSPINOR: Unsupported SFDP Version</summary>
    FlexSpiNorUnsupportedSfdpVersion = 20108,
    /// <summary>FLEXSPINOR Flash Not Found</summary>
    FlexSpiNorFlashNotFound = 20109,
    /// <summary>FLEXSPINOR: DTR Read Dummy Probe Failed</summary>
    FlexSpiNorDtrReadDummyProbeFailed = 20110,

    // OCOTP (group 202)
    /// <summary>OCOTP: Read Failure</summary>
    OcotpReadFailure = 20200,
    /// <summary>OCOTP: Program Failure</summary>
    OcotpProgramFailure = 20201,
    /// <summary>OCOTP: Reload Failure</summary>
    OcotpReloadFailure = 20202,
    /// <summary>OCOTP: Wait Timeout</summary>
    OcotpWaitTimeout = 20203,

    // xSPI NOR (group 209)
    /// <summary>xSPINOR: Write Alignment Error</summary>
    XspiNorWriteAlignmentError = 20905,

    // SEMC NOR (group 211)
    /// <summary>SemcNOR: Device Timeout</summary>
    SemcNorDeviceTimeout = 21100,
    /// <summary>SemcNOR: Invalid Memory Address</summary>
    SemcNorInvalidMemoryAddress = 21101,
    /// <summary>SemcNOR: unmatched Command Set</summary>
    SemcNorUnmatchedCommandSet = 21102,
    /// <summary>SemcNOR: Address Alignment Error</summary>
    SemcNorAddressAlignmentError = 21103,
    /// <summary>SemcNOR: Invalid Cfi Signature</summary>
    SemcNorInvalidCfiSignature = 21104,
    /// <summary>SemcNOR: Command Error No Op To Suspend</summary>
    SemcNorCommandErrorNoOpToSuspend = 21105,
    /// <summary>SemcNOR: Command Error No Info Available</summary>
    SemcNorCommandErrorNoInfoAvailable = 21106,
    /// <summary>SemcNOR: Block Erase Command Failure</summary>
    SemcNorBlockEraseCommandFailure = 21107,
    /// <summary>SemcNOR: Buffer Program Command Failure</summary>
    SemcNorBufferProgramCommandFailure = 21108,
    /// <summary>SemcNOR: Program Verify Failure</summary>
    SemcNorProgramVerifyFailure = 21109,
    /// <summary>SemcNOR: Erase Verify Failure</summary>
    SemcNorEraseVerifyFailure = 21110,
    /// <summary>SemcNOR: Invalid Cfg Tag</summary>
    SemcNorInvalidCfgTag = 21116,

    // SEMC NAND (group 212)
    /// <summary>SemcNAND: Device Timeout</summary>
    SemcNandDeviceTimeout = 21200,
    /// <summary>SemcNAND: Invalid Memory Address</summary>
    SemcNandInvalidMemoryAddress = 21201,
    /// <summary>SemcNAND: Not Equal To One Page Size</summary>
    SemcNandNotEqualToOnePageSize = 21202,
    /// <summary>SemcNAND: More Than One Page Size</summary>
    SemcNandMoreThanOnePageSize = 21203,
    /// <summary>SemcNAND: Ecc Check Fail</summary>
    SemcNandEccCheckFail = 21204,
    /// <summary>SemcNAND: Invalid Onfi Parameter</summary>
    SemcNandInvalidOnfiParameter = 21205,
    /// <summary>SemcNAND: Cannot Enable Device Ecc</summary>
    SemcNandCannotEnableDeviceEcc = 21206,
    /// <summary>SemcNAND: Switch Timing Mode Failure</summary>
    SemcNandSwitchTimingModeFailure = 21207,
    /// <summary>SemcNAND: Program Verify Failure</summary>
    SemcNandProgramVerifyFailure = 21208,
    /// <summary>SemcNAND: Erase Verify Failure</summary>
    SemcNandEraseVerifyFailure = 21209,
    /// <summary>SemcNAND: Invalid Readback Buffer</summary>
    SemcNandInvalidReadbackBuffer = 21210,
    /// <summary>SemcNAND: Invalid Cfg Tag</summary>
    SemcNandInvalidCfgTag = 21216,
    /// <summary>SemcNAND: Fail To Update Fcb</summary>
    SemcNandFailToUpdateFcb = 21217,
    /// <summary>SemcNAND: Fail To Update Dbbt</summary>
    SemcNandFailToUpdateDbbt = 21218,
    /// <summary>SemcNAND: Disallow Overwrite Bcb</summary>
    SemcNandDisallowOverwriteBcb = 21219,
    /// <summary>SemcNAND: Only Support Onfi Device</summary>
    SemcNandOnlySupportOnfiDevice = 21220,
    /// <summary>SemcNAND: More Than Max Image Copy</summary>
    SemcNandMoreThanMaxImageCopy = 21221,
    /// <summary>SemcNAND: Disordered Image Copies</summary>
    SemcNandDisorderedImageCopies = 21222,

    // SPIFI NOR (group 220)
    /// <summary>SPIFINOR: Program Fail</summary>
    SpifiNorProgramFail = 22000,
    /// <summary>SPIFINOR: Erase Sector Fail</summary>
    SpifiNorEraseSectorFail = 22001,
    /// <summary>SPIFINOR: Erase All Fail</summary>
    SpifiNorEraseAllFail = 22002,
    /// <summary>SPIFINOR: Wait Timeout</summary>
    SpifiNorWaitTimeout = 22003,
    /// <summary>SPIFINOR: Not Supported</summary>
    SpifiNorNotSupported = 22004,
    /// <summary>SPIFINOR: Write Alignment Error</summary>
    SpifiNorWriteAlignmentError = 22005,
    /// <summary>SPIFINOR: Command Failure</summary>
    SpifiNorCommandFailure = 22006,
    /// <summary>SPIFINOR: SFDP Not Found</summary>
    SpifiNorSfdpNotFound = 22007,

    // EdgeLock enclave (group 300)
    /// <summary>EDGELOCK: Invalid Response</summary>
    EdgeLockInvalidResponse = 30000,
    /// <summary>EDGELOCK: Response Error</summary>
    EdgeLockResponseError = 30001,
    /// <summary>EDGELOCK: Abort</summary>
    EdgeLockAbort = 30002,
    /// <summary>EDGELOCK: Operation Failed</summary>
    EdgeLockOperationFailed = 30003,
    /// <summary>EDGELOCK: OTP Program Failure</summary>
    EdgeLockOtpProgramFailure = 30004,
    /// <summary>EDGELOCK: OTP Locked</summary>
    EdgeLockOtpLocked = 30005,
    /// <summary>EDGELOCK: OTP Invalid IDX</summary>
    EdgeLockOtpInvalidIdx = 30006,
    /// <summary>EDGELOCK: Invalid Lifecycle</summary>
    EdgeLockInvalidLifecycle = 30007,

    // OTP (group 528) + SPSDK-synthesised 52009
    /// <summary>OTP: Failed to verify OTP write</summary>
    OtpVerifyFail = 52009,
    /// <summary>OTP: Invalid OTP address</summary>
    OtpInvalidAddress = 52801,
    /// <summary>OTP: Programming failed</summary>
    OtpProgrammingFail = 52802,
    /// <summary>OTP: CRC check failed</summary>
    OtpCrcFail = 52803,
    /// <summary>OTP: Error happened during OTP operation</summary>
    OtpError = 52804,
    /// <summary>OTP: ECC check failed during OTP operation</summary>
    OtpEccCheckFail = 52805,
    /// <summary>OTP: Field is locked when programming</summary>
    OtpFieldLocked = 52806,
    /// <summary>OTP: Operation timed out</summary>
    OtpTimeout = 52807,
    /// <summary>OTP: CRC check passed</summary>
    OtpCrcCheckPass = 52808,

    // Security subsystem (Appendix A, "Also")
    /// <summary>Security SubSystem Error</summary>
    SecuritySubSystemError = 0x5A5AA5A5,
}
