using System.Collections.Frozen;
using System.Globalization;

namespace Station.Protocols.MBoot;

/// <summary>
/// The status table of PROTOCOLS.md Appendix A: each code's spec label and the description blhost
/// prints, and whether a retry can help (<see cref="IsTransient"/>).
/// </summary>
public static class MBootStatus
{
    private static readonly FrozenDictionary<MBootStatusCode, MBootStatusInfo> ByCode =
        Entries().ToFrozenDictionary(entry => entry.Code);

    // Statuses where the same request, repeated, can succeed: the device or the flash was busy or
    // slow, or a verify read-back mismatched on a marginal board (PROTOCOLS.md 9.2 recovery ladder,
    // step 1: "retry the same erase once"). Everything else is a property of the request or of the
    // device's state that a retry repeats: range (10200), alignment (20105, 101), unknown or
    // unsupported command (10000, 10006), security (10001), memory not configured (10205: needs
    // configure-memory first), cumulative write (10203: needs an erase first), unknown or
    // read-only property. OCOTP failures (202xx) are deliberately NOT transient: a fuse burn is
    // irreversible, so a retry must be a deliberate re-read-then-decide, never a blind repeat.
    private static readonly FrozenSet<MBootStatusCode> Transient = new[]
    {
        MBootStatusCode.TimeoutError,                     // 5: generic timeout inside the device
        MBootStatusCode.FlashCommandOperationInProgress,  // 152: flash busy
        MBootStatusCode.FlexSpiSequenceExecutionTimeout,  // 6000
        MBootStatusCode.FlexSpiDeviceTimeout,             // 6002
        MBootStatusCode.FlexSpiSequenceExecutionTimeoutGroup70, // 7000
        MBootStatusCode.FlexSpiDeviceTimeoutGroup70,      // 7002
        MBootStatusCode.AbortDataPhase,                   // 10002: the data phase was cut short; repeat it
        MBootStatusCode.NoResponse,                       // 10004: host-side timeout, as blhost reports it
        MBootStatusCode.MemoryVerifyFailed,               // 10207: read-back mismatch, like 20106
        MBootStatusCode.FlexSpiNandWaitTimeout,           // 20006
        MBootStatusCode.FlexSpiNorProgramFail,            // 20100: flash reported a failed program
        MBootStatusCode.FlexSpiNorEraseSectorFail,        // 20101: flash reported a failed erase
        MBootStatusCode.FlexSpiNorEraseAllFail,           // 20102
        MBootStatusCode.FlexSpiNorWaitTimeout,            // 20103: flash stayed busy too long
        MBootStatusCode.FlexSpiNorCommandFailure,         // 20106: erase/program verify failed (9.2)
        MBootStatusCode.SemcNorDeviceTimeout,             // 21100
        MBootStatusCode.SemcNandDeviceTimeout,            // 21200
        MBootStatusCode.SpifiNorWaitTimeout,              // 22003
    }.ToFrozenSet();

    /// <summary>Every code of the table, in table order.</summary>
    public static IReadOnlyList<MBootStatusInfo> All { get; } = Entries();

    /// <summary>The table entry of <paramref name="code"/>, or null when the code is not in the table.</summary>
    public static MBootStatusInfo? Find(MBootStatusCode code) => ByCode.GetValueOrDefault(code);

    /// <summary>The spec label of <paramref name="code"/>, or "Unknown status 0x…" when it is not in the table.</summary>
    public static string GetName(MBootStatusCode code) => Find(code)?.Name ?? Unknown(code);

    /// <summary>The description of <paramref name="code"/> (as blhost prints it), or "Unknown status 0x…".</summary>
    public static string GetDescription(MBootStatusCode code) => Find(code)?.Description ?? Unknown(code);

    /// <summary>One line for logs and messages: <c>10203 (0x27DB) MemoryCumulativeWrite: Memory Cumulative Write</c>.</summary>
    public static string Format(MBootStatusCode code)
    {
        var info = Find(code);
        return info is null
            ? string.Create(CultureInfo.InvariantCulture, $"{(uint)code} ({Unknown(code)})")
            : string.Create(CultureInfo.InvariantCulture, $"{(uint)code} (0x{(uint)code:X}) {info.Name}: {info.Description}");
    }

    /// <summary>True when repeating the same request could succeed (see the table's comment).</summary>
    public static bool IsTransient(MBootStatusCode code) => Transient.Contains(code);

    private static string Unknown(MBootStatusCode code) =>
        string.Create(CultureInfo.InvariantCulture, $"Unknown status 0x{(uint)code:X4}");

    private static MBootStatusInfo[] Entries() =>
    [
        // Generic (group 0)
        new(MBootStatusCode.Success, "Success", "Success"),
        new(MBootStatusCode.Fail, "Fail", "Fail"),
        new(MBootStatusCode.ReadOnly, "ReadOnly", "Read Only Error"),
        new(MBootStatusCode.OutOfRange, "OutOfRange", "Out Of Range Error"),
        new(MBootStatusCode.InvalidArgument, "InvalidArgument", "Invalid Argument Error"),
        new(MBootStatusCode.TimeoutError, "TimeoutError", "Timeout Error"),
        new(MBootStatusCode.NoTransferInProgress, "NoTransferInProgress", "No Transfer In Progress Error"),
        // Flash driver (group 1)
        new(MBootStatusCode.FlashSizeError, "FlashSizeError", "FLASH Driver: Size Error"),
        new(MBootStatusCode.FlashAlignmentError, "FlashAlignmentError", "FLASH Driver: Alignment Error"),
        new(MBootStatusCode.FlashAddressError, "FlashAddressError", "FLASH Driver: Address Error"),
        new(MBootStatusCode.FlashAccessError, "FlashAccessError", "FLASH Driver: Access Error"),
        new(MBootStatusCode.FlashProtectionViolation, "FlashProtectionViolation", "FLASH Driver: Protection Violation"),
        new(MBootStatusCode.FlashCommandFailure, "FlashCommandFailure", "FLASH Driver: Command Failure"),
        new(MBootStatusCode.FlashUnknownProperty, "FlashUnknownProperty", "FLASH Driver: Unknown Property"),
        new(MBootStatusCode.FlashEraseKeyError, "FlashEraseKeyError", "FLASH Driver: Provided Key Does Not Match Programmed Flash Memory Key"),
        new(MBootStatusCode.FlashRegionExecuteOnly, "FlashRegionExecuteOnly", "FLASH Driver: Region Execute Only"),
        new(MBootStatusCode.FlashExecuteInRamFunctionNotReady, "FlashExecuteInRamFunctionNotReady", "FLASH Driver: Execute In RAM Function Not Ready"),
        new(MBootStatusCode.FlashCommandNotSupported, "FlashCommandNotSupported", "FLASH Driver: Command Not Supported"),
        new(MBootStatusCode.FlashReadOnlyProperty, "FlashReadOnlyProperty", "FLASH Driver: Flash Memory Property Is Read-Only"),
        new(MBootStatusCode.FlashInvalidPropertyValue, "FlashInvalidPropertyValue", "FLASH Driver: Flash Memory Property Value Out Of Range"),
        new(MBootStatusCode.FlashInvalidSpeculationOption, "FlashInvalidSpeculationOption", "FLASH Driver: Flash Memory Prefetch Speculation Option Is Invalid"),
        new(MBootStatusCode.FlashEccError, "FlashEccError", "FLASH Driver: ECC Error"),
        new(MBootStatusCode.FlashCompareError, "FlashCompareError", "FLASH Driver: Destination And Source Memory Contents Do Not Match"),
        new(MBootStatusCode.FlashRegulationLoss, "FlashRegulationLoss", "FLASH Driver: Loss Of Regulation During Read"),
        new(MBootStatusCode.FlashInvalidWaitStateCycles, "FlashInvalidWaitStateCycles", "FLASH Driver: Wait State Cycle Set To Read/Write Mode Is Invalid"),
        new(MBootStatusCode.FlashCommandAbortOption, "FlashCommandAbortOption", "FLASH Driver: Operation is aborted"),
        new(MBootStatusCode.FlashOutOfDateCfpaPage, "FlashOutOfDateCfpaPage", "FLASH Driver: Out Of Date CFPA Page"),
        new(MBootStatusCode.FlashBlankIfrPageData, "FlashBlankIfrPageData", "FLASH Driver: Blank IFR Page Data"),
        new(MBootStatusCode.FlashEncryptedRegionsEraseNotDoneAtOnce, "FlashEncryptedRegionsEraseNotDoneAtOnce", "FLASH Driver: Encrypted Regions Erase Not Done At Once"),
        new(MBootStatusCode.FlashProgramVerificationNotAllowed, "FlashProgramVerificationNotAllowed", "FLASH Driver: Program Verification Not Allowed"),
        new(MBootStatusCode.FlashHashCheckError, "FlashHashCheckError", "FLASH Driver: Hash Check Error"),
        new(MBootStatusCode.FlashSealedPfrRegion, "FlashSealedPfrRegion", "FLASH Driver: Sealed PFR Region"),
        new(MBootStatusCode.FlashPfrRegionWriteBroken, "FlashPfrRegionWriteBroken", "FLASH Driver: PFR Region Write Broken"),
        new(MBootStatusCode.FlashNmpaUpdateNotAllowed, "FlashNmpaUpdateNotAllowed", "FLASH Driver: NMPA Update Not Allowed"),
        new(MBootStatusCode.FlashCmpaCfgDirectEraseNotAllowed, "FlashCmpaCfgDirectEraseNotAllowed", "FLASH Driver: CMPA Cfg Direct Erase Not Allowed"),
        new(MBootStatusCode.FlashPfrBankIsLocked, "FlashPfrBankIsLocked", "FLASH Driver: PFR Bank Is Locked"),
        new(MBootStatusCode.FlashCfpaScratchPageInvalid, "FlashCfpaScratchPageInvalid", "FLASH Driver: CFPA Scratch Page Invalid"),
        new(MBootStatusCode.FlashCfpaVersionRollbackDisallowed, "FlashCfpaVersionRollbackDisallowed", "FLASH Driver: CFPA Version Rollback Disallowed"),
        new(MBootStatusCode.FlashReadHidingAreaDisallowed, "FlashReadHidingAreaDisallowed", "FLASH Driver: Flash Memory Hiding Read Not Allowed"),
        new(MBootStatusCode.FlashModifyProtectedAreaDisallowed, "FlashModifyProtectedAreaDisallowed", "FLASH Driver: Flash Firewall Page Locked Erase And Program Are Not Allowed"),
        new(MBootStatusCode.FlashCommandOperationInProgress, "FlashCommandOperationInProgress", "FLASH Driver: Flash Memory State Busy Flash Memory Command Is In Progress"),
        new(MBootStatusCode.FlashIfr1AccessNotAllowed, "FlashIfr1AccessNotAllowed", "FLASH Driver: IFR1 Access Not Allowed"),
        new(MBootStatusCode.FlashEraseVerifyFailed, "FlashEraseVerifyFailed", "FLASH Driver: Flash Memory Erase Verify Failed"),
        // I2C/SPI/QSPI/OTFAD (groups 2-5)
        new(MBootStatusCode.I2cSlaveTxUnderrun, "I2cSlaveTxUnderrun", "I2C Driver: Slave Tx Underrun"),
        new(MBootStatusCode.I2cSlaveRxOverrun, "I2cSlaveRxOverrun", "I2C Driver: Slave Rx Overrun"),
        new(MBootStatusCode.I2cArbitrationLost, "I2cArbitrationLost", "I2C Driver: Arbitration Lost"),
        new(MBootStatusCode.SpiSlaveTxUnderrun, "SpiSlaveTxUnderrun", "SPI Driver: Slave Tx Underrun"),
        new(MBootStatusCode.SpiSlaveRxOverrun, "SpiSlaveRxOverrun", "SPI Driver: Slave Rx Overrun"),
        new(MBootStatusCode.QspiFlashSizeError, "QspiFlashSizeError", "QSPI Driver: Flash Size Error"),
        new(MBootStatusCode.QspiFlashAlignmentError, "QspiFlashAlignmentError", "QSPI Driver: Flash Alignment Error"),
        new(MBootStatusCode.QspiFlashAddressError, "QspiFlashAddressError", "QSPI Driver: Flash Address Error"),
        new(MBootStatusCode.QspiFlashCommandFailure, "QspiFlashCommandFailure", "QSPI Driver: Flash Command Failure"),
        new(MBootStatusCode.QspiFlashUnknownProperty, "QspiFlashUnknownProperty", "QSPI Driver: Flash Unknown Property"),
        new(MBootStatusCode.QspiNotConfigured, "QspiNotConfigured", "QSPI Driver: Not Configured"),
        new(MBootStatusCode.QspiCommandNotSupported, "QspiCommandNotSupported", "QSPI Driver: Command Not Supported"),
        new(MBootStatusCode.QspiCommandTimeout, "QspiCommandTimeout", "QSPI Driver: Command Timeout"),
        new(MBootStatusCode.QspiWriteFailure, "QspiWriteFailure", "QSPI Driver: Write Failure"),
        new(MBootStatusCode.OtfadSecurityViolation, "OtfadSecurityViolation", "OTFAD Driver: Security Violation"),
        new(MBootStatusCode.OtfadLogicallyDisabled, "OtfadLogicallyDisabled", "OTFAD Driver: Logically Disabled"),
        new(MBootStatusCode.OtfadInvalidKey, "OtfadInvalidKey", "OTFAD Driver: Invalid Key"),
        new(MBootStatusCode.OtfadInvalidKeyBlob, "OtfadInvalidKeyBlob", "OTFAD Driver: Invalid Key Blob"),
        // SDMMC / send-op-cond (group 18)
        new(MBootStatusCode.SdmmcTransferFailed, "SDMMCTransferFailed", "Communication Error with the SDMMC Memory Card"),
        new(MBootStatusCode.SendOperationConditionError, "SendOperationConditionError", "Send Operation Condition failed"),
        // FlexSPI driver
        new(MBootStatusCode.FlexSpiSequenceExecutionTimeout, "FLEXSPI_SequenceExecutionTimeout", "FLEXSPI: Sequence Execution Timeout"),
        new(MBootStatusCode.FlexSpiInvalidSequence, "FLEXSPI_InvalidSequence", "FLEXSPI: Invalid Sequence"),
        new(MBootStatusCode.FlexSpiDeviceTimeout, "FLEXSPI_DeviceTimeout", "FLEXSPI: Device Timeout"),
        new(MBootStatusCode.FlexSpiSequenceExecutionTimeoutGroup70, "FLEXSPI_SequenceExecutionTimeout", "FLEXSPI: Sequence Execution Timeout"),
        new(MBootStatusCode.FlexSpiInvalidSequenceGroup70, "FLEXSPI_InvalidSequence", "FLEXSPI: Invalid Sequence"),
        new(MBootStatusCode.FlexSpiDeviceTimeoutGroup70, "FLEXSPI_DeviceTimeout", "FLEXSPI: Device Timeout"),
        // Bootloader (group 100)
        new(MBootStatusCode.UnknownCommand, "UnknownCommand", "Unknown Command"),
        new(MBootStatusCode.SecurityViolation, "SecurityViolation", "Security Violation"),
        new(MBootStatusCode.AbortDataPhase, "AbortDataPhase", "Abort Data Phase"),
        new(MBootStatusCode.PingError, "PingError", "Ping Error"),
        new(MBootStatusCode.NoResponse, "NoResponse", "No response packet from target device"),
        new(MBootStatusCode.NoResponseExpected, "NoResponseExpected", "No Response Expected"),
        new(MBootStatusCode.UnsupportedCommand, "UnsupportedCommand", "Unsupported Command"),
        // SB loader (group 101)
        new(MBootStatusCode.RomLdrSectionOverrun, "RomLdrSectionOverrun", "ROM Loader: Section Overrun"),
        new(MBootStatusCode.RomLdrSignature, "RomLdrSignature", "ROM Loader: Signature Error"),
        new(MBootStatusCode.RomLdrSectionLength, "RomLdrSectionLength", "ROM Loader: Section Length Error"),
        new(MBootStatusCode.RomLdrUnencryptedOnly, "RomLdrUnencryptedOnly", "ROM Loader: Unencrypted Only"),
        new(MBootStatusCode.RomLdrEofReached, "RomLdrEOFReached", "ROM Loader: EOF Reached"),
        new(MBootStatusCode.RomLdrChecksum, "RomLdrChecksum", "ROM Loader: Checksum Error"),
        new(MBootStatusCode.RomLdrCrc32Error, "RomLdrCrc32Error", "ROM Loader: CRC32 Error"),
        new(MBootStatusCode.RomLdrUnknownCommand, "RomLdrUnknownCommand", "ROM Loader: Unknown Command"),
        new(MBootStatusCode.RomLdrIdNotFound, "RomLdrIdNotFound", "ROM Loader: ID Not Found"),
        new(MBootStatusCode.RomLdrDataUnderrun, "RomLdrDataUnderrun", "ROM Loader: Data Underrun"),
        new(MBootStatusCode.RomLdrJumpReturned, "RomLdrJumpReturned", "ROM Loader: Jump Returned"),
        new(MBootStatusCode.RomLdrCallFailed, "RomLdrCallFailed", "ROM Loader: Call Failed"),
        new(MBootStatusCode.RomLdrKeyNotFound, "RomLdrKeyNotFound", "ROM Loader: Key Not Found"),
        new(MBootStatusCode.RomLdrSecureOnly, "RomLdrSecureOnly", "ROM Loader: Secure Only"),
        new(MBootStatusCode.RomLdrResetReturned, "RomLdrResetReturned", "ROM Loader: Reset Returned"),
        new(MBootStatusCode.RomLdrRollbackBlocked, "RomLdrRollbackBlocked", "ROM Loader: Rollback Blocked"),
        new(MBootStatusCode.RomLdrInvalidSectionMacCount, "RomLdrInvalidSectionMacCount", "ROM Loader: Invalid Section Mac Count"),
        new(MBootStatusCode.RomLdrUnexpectedCommand, "RomLdrUnexpectedCommand", "ROM Loader: Unexpected Command"),
        new(MBootStatusCode.RomLdrBadSbkek, "RomLdrBadSBKEK", "ROM Loader: Bad SBKEK Detected"),
        new(MBootStatusCode.RomLdrPendingJumpCommand, "RomLdrPendingJumpCommand", "ROM Loader: Pending Jump Command"),
        new(MBootStatusCode.RomLdrPendingResetCommand, "RomLdrPendingResetCommand", "ROM Loader: Pending Reset Command"),
        // Memory interface (group 102)
        new(MBootStatusCode.MemoryRangeInvalid, "MemoryRangeInvalid", "Memory Range Invalid"),
        new(MBootStatusCode.MemoryReadFailed, "MemoryReadFailed", "Memory Read Failed"),
        new(MBootStatusCode.MemoryWriteFailed, "MemoryWriteFailed", "Memory Write Failed"),
        new(MBootStatusCode.MemoryCumulativeWrite, "MemoryCumulativeWrite", "Memory Cumulative Write"),
        new(MBootStatusCode.MemoryAppOverlapWithExecuteOnlyRegion, "MemoryAppOverlapWithExecuteOnlyRegion", "Memory App Overlap with exec region"),
        new(MBootStatusCode.MemoryNotConfigured, "MemoryNotConfigured", "Memory Not Configured"),
        new(MBootStatusCode.MemoryAlignmentError, "MemoryAlignmentError", "Memory Alignment Error"),
        new(MBootStatusCode.MemoryVerifyFailed, "MemoryVerifyFailed", "Memory Verify Failed"),
        new(MBootStatusCode.MemoryWriteProtected, "MemoryWriteProtected", "Memory Write Protected"),
        new(MBootStatusCode.MemoryAddressError, "MemoryAddressError", "Memory Address Error"),
        new(MBootStatusCode.MemoryBlankCheckFailed, "MemoryBlankCheckFailed", "Memory Blank Check Failed"),
        new(MBootStatusCode.MemoryBlankPageReadDisallowed, "MemoryBlankPageReadDisallowed", "Memory Blank Page Read Disallowed"),
        new(MBootStatusCode.MemoryProtectedPageReadDisallowed, "MemoryProtectedPageReadDisallowed", "Memory Protected Page Read Disallowed"),
        new(MBootStatusCode.MemoryPfrSpecRegionWriteBroken, "MemoryPfrSpecRegionWriteBroken", "Memory PFR Spec Region Write Broken"),
        new(MBootStatusCode.MemoryUnsupportedCommand, "MemoryUnsupportedCommand", "Memory Unsupported Command"),
        // Property store (group 103)
        new(MBootStatusCode.UnknownProperty, "UnknownProperty", "Unknown Property"),
        new(MBootStatusCode.ReadOnlyProperty, "ReadOnlyProperty", "Read Only Property"),
        new(MBootStatusCode.InvalidPropertyValue, "InvalidPropertyValue", "Invalid Property Value"),
        // App CRC check (group 104)
        new(MBootStatusCode.AppCrcCheckPassed, "AppCrcCheckPassed", "Application CRC Check: Passed"),
        new(MBootStatusCode.AppCrcCheckFailed, "AppCrcCheckFailed", "Application: CRC Check: Failed"),
        new(MBootStatusCode.AppCrcCheckInactive, "AppCrcCheckInactive", "Application CRC Check: Inactive"),
        new(MBootStatusCode.AppCrcCheckInvalid, "AppCrcCheckInvalid", "Application CRC Check: Invalid"),
        new(MBootStatusCode.AppCrcCheckOutOfRange, "AppCrcCheckOutOfRange", "Application CRC Check: Out Of Range"),
        // Packetizer (group 105)
        new(MBootStatusCode.NoPingResponse, "NoPingResponse", "Packetizer Error: No Ping Response"),
        new(MBootStatusCode.InvalidPacketType, "InvalidPacketType", "Packetizer Error: No response received for ping command"),
        new(MBootStatusCode.InvalidCrc, "InvalidCRC", "Packetizer Error: Invalid packet type"),
        new(MBootStatusCode.NoCommandResponse, "NoCommandResponse", "Packetizer Error: No response received for command"),
        // Reliable update (group 106)
        new(MBootStatusCode.ReliableUpdateSuccess, "ReliableUpdateSuccess", "Reliable Update: Success"),
        new(MBootStatusCode.ReliableUpdateFail, "ReliableUpdateFail", "Reliable Update: Fail"),
        new(MBootStatusCode.ReliableUpdateInactive, "ReliableUpdateInactive", "Reliable Update: Inactive"),
        new(MBootStatusCode.ReliableUpdateBackupApplicationInvalid, "ReliableUpdateBackupApplicationInvalid", "Reliable Update: Backup Application Invalid"),
        new(MBootStatusCode.ReliableUpdateStillInMainApplication, "ReliableUpdateStillInMainApplication", "Reliable Update: Still In Main Application"),
        new(MBootStatusCode.ReliableUpdateSwapSystemNotReady, "ReliableUpdateSwapSystemNotReady", "Reliable Update: Swap System Not Ready"),
        new(MBootStatusCode.ReliableUpdateBackupBootloaderNotReady, "ReliableUpdateBackupBootloaderNotReady", "Reliable Update: Backup Bootloader Not Ready"),
        new(MBootStatusCode.ReliableUpdateSwapIndicatorAddressInvalid, "ReliableUpdateSwapIndicatorAddressInvalid", "Reliable Update: Swap Indicator Address Invalid"),
        new(MBootStatusCode.ReliableUpdateSwapSystemNotAvailable, "ReliableUpdateSwapSystemNotAvailable", "Reliable Update: Swap System Not Available"),
        new(MBootStatusCode.ReliableUpdateSwapTest, "ReliableUpdateSwapTest", "Reliable Update: Swap Test"),
        // Serial NOR/EEPROM (group 107)
        new(MBootStatusCode.SerialNorEepromAddressInvalid, "SerialNorEepromAddressInvalid", "SerialNorEeprom: Address Invalid"),
        new(MBootStatusCode.SerialNorEepromTransferError, "SerialNorEepromTransferError", "SerialNorEeprom: Transfer Error"),
        new(MBootStatusCode.SerialNorEepromTypeInvalid, "SerialNorEepromTypeInvalid", "SerialNorEeprom: Type Invalid"),
        new(MBootStatusCode.SerialNorEepromSizeInvalid, "SerialNorEepromSizeInvalid", "SerialNorEeprom: Size Invalid"),
        new(MBootStatusCode.SerialNorEepromCommandInvalid, "SerialNorEepromCommandInvalid", "SerialNorEeprom: Command Invalid"),
        // ROM API (group 108)
        new(MBootStatusCode.RomApiNeedMoreData, "RomApiNeedMoreData", "RomApi: Need More Data"),
        new(MBootStatusCode.RomApiBufferSizeNotEnough, "RomApiBufferSizeNotEnough", "RomApi: Buffer Size Not Enough"),
        new(MBootStatusCode.RomApiInvalidBuffer, "RomApiInvalidBuffer", "RomApi: Invalid Buffer"),
        // FlexSPI NAND (group 200)
        new(MBootStatusCode.FlexSpiNandReadPageFail, "FlexSPINANDReadPageFail", "FlexSPINAND: Read Page Fail"),
        new(MBootStatusCode.FlexSpiNandReadCacheFail, "FlexSPINANDReadCacheFail", "FlexSPINAND: Read Cache Fail"),
        new(MBootStatusCode.FlexSpiNandEccCheckFail, "FlexSPINANDEccCheckFail", "FlexSPINAND: Ecc Check Fail"),
        new(MBootStatusCode.FlexSpiNandPageLoadFail, "FlexSPINANDPageLoadFail", "FlexSPINAND: Page Load Fail"),
        new(MBootStatusCode.FlexSpiNandPageExecuteFail, "FlexSPINANDPageExecuteFail", "FlexSPINAND: Page Execute Fail"),
        new(MBootStatusCode.FlexSpiNandEraseBlockFail, "FlexSPINANDEraseBlockFail", "FlexSPINAND: Erase Block Fail"),
        new(MBootStatusCode.FlexSpiNandWaitTimeout, "FlexSPINANDWaitTimeout", "FlexSPINAND: Wait Timeout"),
        new(MBootStatusCode.SpiNandPageSizeOverTheMaxSupportedSize, "SPINANDPageSizeOverTheMaxSupportedSize", "SPI NAND: PageSize over the max supported size"),
        new(MBootStatusCode.SpiNandFailedToUpdateFlashConfigBlock, "FailedToUpdateFlashConfigBlockToSPINAND", "SPI NAND: Failed to update Flash config block to SPI NAND"),
        new(MBootStatusCode.SpiNandFailedToUpdateBadBlockTable, "Failed to update discovered bad block table to SPI NAND", "SPI NAND: Failed to update discovered bad block table to SPI NAND"),
        new(MBootStatusCode.FlexSpiNandWriteAlignmentError, "FlexSPINANDWriteAlignmentError", "FlexSPINAND: Write Alignment Error"),
        new(MBootStatusCode.FlexSpiNandNotFound, "FlexSPINANDNotFound", "FlexSPINAND: Not Found"),
        // FlexSPI NOR (group 201)
        new(MBootStatusCode.FlexSpiNorProgramFail, "FLEXSPINORProgramFail", "FLEXSPINOR: Program Fail"),
        new(MBootStatusCode.FlexSpiNorEraseSectorFail, "FLEXSPINOREraseSectorFail", "FLEXSPINOR: Erase Sector Fail"),
        new(MBootStatusCode.FlexSpiNorEraseAllFail, "FLEXSPINOREraseAllFail", "FLEXSPINOR: Erase All Fail"),
        new(MBootStatusCode.FlexSpiNorWaitTimeout, "FLEXSPINORWaitTimeout", "FLEXSPINOR:Wait Timeout"),
        new(MBootStatusCode.FlexSpiNorPageSizeOverTheMaxSupportedSize, "FLEXSPINORPageSizeOverTheMaxSupportedSize", "FlexSPINOR: PageSize over the max supported size"),
        new(MBootStatusCode.FlexSpiNorWriteAlignmentError, "FlexSPINORWriteAlignmentError", "FlexSPINOR:Write Alignment Error"),
        new(MBootStatusCode.FlexSpiNorCommandFailure, "FlexSPINORCommandFailure", "FlexSPINOR: Command Failure"),
        new(MBootStatusCode.FlexSpiNorSfdpNotFound, "FlexSPINORSFDPNotFound", "FlexSPINOR: SFDP Not Found"),
        new(MBootStatusCode.FlexSpiNorUnsupportedSfdpVersion, "FLEXSPINORUnsupportedSFDPVersion", "FLEXSPINOR: Unsupported SFDP Version"),
        new(MBootStatusCode.FlexSpiNorFlashNotFound, "FLEXSPINORFlashNotFound", "FLEXSPINOR Flash Not Found"),
        new(MBootStatusCode.FlexSpiNorDtrReadDummyProbeFailed, "FLEXSPINORDTRReadDummyProbeFailed", "FLEXSPINOR: DTR Read Dummy Probe Failed"),
        // OCOTP (group 202)
        new(MBootStatusCode.OcotpReadFailure, "OCOTPReadFailure", "OCOTP: Read Failure"),
        new(MBootStatusCode.OcotpProgramFailure, "OCOTPProgramFailure", "OCOTP: Program Failure"),
        new(MBootStatusCode.OcotpReloadFailure, "OCOTPReloadFailure", "OCOTP: Reload Failure"),
        new(MBootStatusCode.OcotpWaitTimeout, "OCOTPWaitTimeout", "OCOTP: Wait Timeout"),
        // xSPI NOR (group 209)
        new(MBootStatusCode.XspiNorWriteAlignmentError, "xSPINORWriteAlignmentError", "xSPINOR: Write Alignment Error"),
        // SEMC NOR (group 211)
        new(MBootStatusCode.SemcNorDeviceTimeout, "SemcNOR_DeviceTimeout", "SemcNOR: Device Timeout"),
        new(MBootStatusCode.SemcNorInvalidMemoryAddress, "SemcNOR_InvalidMemoryAddress", "SemcNOR: Invalid Memory Address"),
        new(MBootStatusCode.SemcNorUnmatchedCommandSet, "SemcNOR_unmatchedCommandSet", "SemcNOR: unmatched Command Set"),
        new(MBootStatusCode.SemcNorAddressAlignmentError, "SemcNOR_AddressAlignmentError", "SemcNOR: Address Alignment Error"),
        new(MBootStatusCode.SemcNorInvalidCfiSignature, "SemcNOR_InvalidCfiSignature", "SemcNOR: Invalid Cfi Signature"),
        new(MBootStatusCode.SemcNorCommandErrorNoOpToSuspend, "SemcNOR_CommandErrorNoOpToSuspend", "SemcNOR: Command Error No Op To Suspend"),
        new(MBootStatusCode.SemcNorCommandErrorNoInfoAvailable, "SemcNOR_CommandErrorNoInfoAvailable", "SemcNOR: Command Error No Info Available"),
        new(MBootStatusCode.SemcNorBlockEraseCommandFailure, "SemcNOR_BlockEraseCommandFailure", "SemcNOR: Block Erase Command Failure"),
        new(MBootStatusCode.SemcNorBufferProgramCommandFailure, "SemcNOR_BufferProgramCommandFailure", "SemcNOR: Buffer Program Command Failure"),
        new(MBootStatusCode.SemcNorProgramVerifyFailure, "SemcNOR_ProgramVerifyFailure", "SemcNOR: Program Verify Failure"),
        new(MBootStatusCode.SemcNorEraseVerifyFailure, "SemcNOR_EraseVerifyFailure", "SemcNOR: Erase Verify Failure"),
        new(MBootStatusCode.SemcNorInvalidCfgTag, "SemcNOR_InvalidCfgTag", "SemcNOR: Invalid Cfg Tag"),
        // SEMC NAND (group 212)
        new(MBootStatusCode.SemcNandDeviceTimeout, "SemcNAND_DeviceTimeout", "SemcNAND: Device Timeout"),
        new(MBootStatusCode.SemcNandInvalidMemoryAddress, "SemcNAND_InvalidMemoryAddress", "SemcNAND: Invalid Memory Address"),
        new(MBootStatusCode.SemcNandNotEqualToOnePageSize, "SemcNAND_NotEqualToOnePageSize", "SemcNAND: Not Equal To One Page Size"),
        new(MBootStatusCode.SemcNandMoreThanOnePageSize, "SemcNAND_MoreThanOnePageSize", "SemcNAND: More Than One Page Size"),
        new(MBootStatusCode.SemcNandEccCheckFail, "SemcNAND_EccCheckFail", "SemcNAND: Ecc Check Fail"),
        new(MBootStatusCode.SemcNandInvalidOnfiParameter, "SemcNAND_InvalidOnfiParameter", "SemcNAND: Invalid Onfi Parameter"),
        new(MBootStatusCode.SemcNandCannotEnableDeviceEcc, "SemcNAND_CannotEnableDeviceEcc", "SemcNAND: Cannot Enable Device Ecc"),
        new(MBootStatusCode.SemcNandSwitchTimingModeFailure, "SemcNAND_SwitchTimingModeFailure", "SemcNAND: Switch Timing Mode Failure"),
        new(MBootStatusCode.SemcNandProgramVerifyFailure, "SemcNAND_ProgramVerifyFailure", "SemcNAND: Program Verify Failure"),
        new(MBootStatusCode.SemcNandEraseVerifyFailure, "SemcNAND_EraseVerifyFailure", "SemcNAND: Erase Verify Failure"),
        new(MBootStatusCode.SemcNandInvalidReadbackBuffer, "SemcNAND_InvalidReadbackBuffer", "SemcNAND: Invalid Readback Buffer"),
        new(MBootStatusCode.SemcNandInvalidCfgTag, "SemcNAND_InvalidCfgTag", "SemcNAND: Invalid Cfg Tag"),
        new(MBootStatusCode.SemcNandFailToUpdateFcb, "SemcNAND_FailToUpdateFcb", "SemcNAND: Fail To Update Fcb"),
        new(MBootStatusCode.SemcNandFailToUpdateDbbt, "SemcNAND_FailToUpdateDbbt", "SemcNAND: Fail To Update Dbbt"),
        new(MBootStatusCode.SemcNandDisallowOverwriteBcb, "SemcNAND_DisallowOverwriteBcb", "SemcNAND: Disallow Overwrite Bcb"),
        new(MBootStatusCode.SemcNandOnlySupportOnfiDevice, "SemcNAND_OnlySupportOnfiDevice", "SemcNAND: Only Support Onfi Device"),
        new(MBootStatusCode.SemcNandMoreThanMaxImageCopy, "SemcNAND_MoreThanMaxImageCopy", "SemcNAND: More Than Max Image Copy"),
        new(MBootStatusCode.SemcNandDisorderedImageCopies, "SemcNAND_DisorderedImageCopies", "SemcNAND: Disordered Image Copies"),
        // SPIFI NOR (group 220)
        new(MBootStatusCode.SpifiNorProgramFail, "SPIFINOR_ProgramFail", "SPIFINOR: Program Fail"),
        new(MBootStatusCode.SpifiNorEraseSectorFail, "SPIFINOR_EraseSectorFail", "SPIFINOR: Erase Sector Fail"),
        new(MBootStatusCode.SpifiNorEraseAllFail, "SPIFINOR_EraseAllFail", "SPIFINOR: Erase All Fail"),
        new(MBootStatusCode.SpifiNorWaitTimeout, "SPIFINOR_WaitTimeout", "SPIFINOR: Wait Timeout"),
        new(MBootStatusCode.SpifiNorNotSupported, "SPIFINOR_NotSupported", "SPIFINOR: Not Supported"),
        new(MBootStatusCode.SpifiNorWriteAlignmentError, "SPIFINOR_WriteAlignmentError", "SPIFINOR: Write Alignment Error"),
        new(MBootStatusCode.SpifiNorCommandFailure, "SPIFINOR_CommandFailure", "SPIFINOR: Command Failure"),
        new(MBootStatusCode.SpifiNorSfdpNotFound, "SPIFINOR_SFDP_NotFound", "SPIFINOR: SFDP Not Found"),
        // EdgeLock enclave (group 300)
        new(MBootStatusCode.EdgeLockInvalidResponse, "EDGELOCK_InvalidResponse", "EDGELOCK: Invalid Response"),
        new(MBootStatusCode.EdgeLockResponseError, "EDGELOCK_ResponseError", "EDGELOCK: Response Error"),
        new(MBootStatusCode.EdgeLockAbort, "EDGELOCK_Abort", "EDGELOCK: Abort"),
        new(MBootStatusCode.EdgeLockOperationFailed, "EDGELOCK_OperationFailed", "EDGELOCK: Operation Failed"),
        new(MBootStatusCode.EdgeLockOtpProgramFailure, "EDGELOCK_OTPProgramFailure", "EDGELOCK: OTP Program Failure"),
        new(MBootStatusCode.EdgeLockOtpLocked, "EDGELOCK_OTPLocked", "EDGELOCK: OTP Locked"),
        new(MBootStatusCode.EdgeLockOtpInvalidIdx, "EDGELOCK_OTPInvalidIDX", "EDGELOCK: OTP Invalid IDX"),
        new(MBootStatusCode.EdgeLockInvalidLifecycle, "EDGELOCK_InvalidLifecycle", "EDGELOCK: Invalid Lifecycle"),
        // OTP (group 528) + SPSDK-synthesised 52009
        new(MBootStatusCode.OtpVerifyFail, "OPT_VerifyFail", "OTP: Failed to verify OTP write"),
        new(MBootStatusCode.OtpInvalidAddress, "OTP_InvalidAddress", "OTP: Invalid OTP address"),
        new(MBootStatusCode.OtpProgrammingFail, "OTP_ProgrammingFail", "OTP: Programming failed"),
        new(MBootStatusCode.OtpCrcFail, "OTP_CRCFail", "OTP: CRC check failed"),
        new(MBootStatusCode.OtpError, "OTP_Error", "OTP: Error happened during OTP operation"),
        new(MBootStatusCode.OtpEccCheckFail, "OTP_EccCheckFail", "OTP: ECC check failed during OTP operation"),
        new(MBootStatusCode.OtpFieldLocked, "OTP_FieldLocked", "OTP: Field is locked when programming"),
        new(MBootStatusCode.OtpTimeout, "OTP_Timeout", "OTP: Operation timed out"),
        new(MBootStatusCode.OtpCrcCheckPass, "OTP_CRCCheckPass", "OTP: CRC check passed"),
        // Security subsystem (Appendix A, "Also")
        new(MBootStatusCode.SecuritySubSystemError, "SecuritySubSystemError", "Security SubSystem Error"),
    ];
}
