using Station.Protocols.MBoot;

namespace Station.Protocols.Tests.MBoot;

public sealed class MBootStatusTests
{
    [Fact]
    public void All_HasEveryAppendixARowOnceAndEveryEnumMember()
    {
        // Appendix A lists 225 codes; the security subsystem code from its "Also" line makes 226.
        Assert.Equal(226, MBootStatus.All.Count);
        Assert.Equal(MBootStatus.All.Count, MBootStatus.All.Select(info => info.Code).Distinct().Count());
        Assert.Equal(
            Enum.GetValues<MBootStatusCode>().Order(),
            MBootStatus.All.Select(info => info.Code).Order());
    }

    [Theory]
    [InlineData(0u, "Success", "Success")]
    [InlineData(4u, "InvalidArgument", "Invalid Argument Error")]
    [InlineData(152u, "FlashCommandOperationInProgress", "FLASH Driver: Flash Memory State Busy Flash Memory Command Is In Progress")]
    [InlineData(1801u, "SDMMCTransferFailed", "Communication Error with the SDMMC Memory Card")]
    [InlineData(7002u, "FLEXSPI_DeviceTimeout", "FLEXSPI: Device Timeout")]
    [InlineData(10000u, "UnknownCommand", "Unknown Command")]
    [InlineData(10002u, "AbortDataPhase", "Abort Data Phase")]
    [InlineData(10120u, "RomLdrPendingResetCommand", "ROM Loader: Pending Reset Command")]
    [InlineData(10203u, "MemoryCumulativeWrite", "Memory Cumulative Write")]
    [InlineData(10205u, "MemoryNotConfigured", "Memory Not Configured")]
    [InlineData(10300u, "UnknownProperty", "Unknown Property")]
    [InlineData(10502u, "InvalidCRC", "Packetizer Error: Invalid packet type")]
    [InlineData(20009u, "Failed to update discovered bad block table to SPI NAND", "SPI NAND: Failed to update discovered bad block table to SPI NAND")]
    [InlineData(20105u, "FlexSPINORWriteAlignmentError", "FlexSPINOR:Write Alignment Error")]
    [InlineData(20106u, "FlexSPINORCommandFailure", "FlexSPINOR: Command Failure")]
    [InlineData(20201u, "OCOTPProgramFailure", "OCOTP: Program Failure")]
    [InlineData(21116u, "SemcNOR_InvalidCfgTag", "SemcNOR: Invalid Cfg Tag")]
    [InlineData(52009u, "OPT_VerifyFail", "OTP: Failed to verify OTP write")]
    [InlineData(52808u, "OTP_CRCCheckPass", "OTP: CRC check passed")]
    [InlineData(0x5A5AA5A5u, "SecuritySubSystemError", "Security SubSystem Error")]
    public void Find_SpotCheckedCodes_HaveSpecNameAndDescription(uint code, string name, string description)
    {
        var info = MBootStatus.Find((MBootStatusCode)code);

        Assert.NotNull(info);
        Assert.Equal(name, info.Name);
        Assert.Equal(description, info.Description);
        Assert.Equal(description, MBootStatus.GetDescription((MBootStatusCode)code));
    }

    [Fact]
    public void EnumValues_MatchSpecNumbers()
    {
        Assert.Equal(20106u, (uint)MBootStatusCode.FlexSpiNorCommandFailure);
        Assert.Equal(0x4E8Au, (uint)MBootStatusCode.FlexSpiNorCommandFailure);
        Assert.Equal(0x27DBu, (uint)MBootStatusCode.MemoryCumulativeWrite);
        Assert.Equal(0x283Cu, (uint)MBootStatusCode.UnknownProperty);
        Assert.Equal(0x4EEBu, (uint)MBootStatusCode.OcotpWaitTimeout);
    }

    [Fact]
    public void GetDescription_UnknownCode_SaysUnknownWithHex()
    {
        Assert.Null(MBootStatus.Find((MBootStatusCode)12345));
        Assert.Equal("Unknown status 0x3039", MBootStatus.GetDescription((MBootStatusCode)12345));
        Assert.Equal("Unknown status 0x3039", MBootStatus.GetName((MBootStatusCode)12345));
        Assert.Equal("12345 (Unknown status 0x3039)", MBootStatus.Format((MBootStatusCode)12345));
    }

    [Fact]
    public void Format_KnownCode_GivesNumberHexNameAndDescription()
    {
        Assert.Equal(
            "10203 (0x27DB) MemoryCumulativeWrite: Memory Cumulative Write",
            MBootStatus.Format(MBootStatusCode.MemoryCumulativeWrite));
    }

    [Theory]
    [InlineData(MBootStatusCode.FlexSpiNorCommandFailure)]
    [InlineData(MBootStatusCode.FlexSpiNorWaitTimeout)]
    [InlineData(MBootStatusCode.AbortDataPhase)]
    [InlineData(MBootStatusCode.FlashCommandOperationInProgress)]
    [InlineData(MBootStatusCode.TimeoutError)]
    public void IsTransient_BusyTimeoutOrVerifyFlake_IsTrue(MBootStatusCode status)
    {
        Assert.True(MBootStatus.IsTransient(status));
        Assert.True(new MBootCommandException("dev", MBootCommandTag.WriteMemory, status).IsTransient);
    }

    [Theory]
    [InlineData(MBootStatusCode.MemoryRangeInvalid)]
    [InlineData(MBootStatusCode.FlexSpiNorWriteAlignmentError)]
    [InlineData(MBootStatusCode.MemoryAlignmentError)]
    [InlineData(MBootStatusCode.UnknownCommand)]
    [InlineData(MBootStatusCode.SecurityViolation)]
    [InlineData(MBootStatusCode.OcotpProgramFailure)]
    [InlineData(MBootStatusCode.OcotpWaitTimeout)]
    [InlineData(MBootStatusCode.MemoryCumulativeWrite)]
    [InlineData(MBootStatusCode.MemoryNotConfigured)]
    [InlineData(MBootStatusCode.UnknownProperty)]
    [InlineData(MBootStatusCode.Success)]
    public void IsTransient_PropertyOfTheRequestOrIrreversible_IsFalse(MBootStatusCode status)
    {
        Assert.False(MBootStatus.IsTransient(status));
    }

    [Fact]
    public void MBootCommandException_Message_CarriesCommandStatusAndDescription()
    {
        var exception = new MBootCommandException("sim:1-4.2", MBootCommandTag.WriteMemory, MBootStatusCode.FlexSpiNorCommandFailure);

        Assert.Equal(MBootCommandTag.WriteMemory, exception.Command);
        Assert.Equal(MBootStatusCode.FlexSpiNorCommandFailure, exception.Status);
        Assert.Equal("sim:1-4.2", exception.DeviceAddress);
        Assert.Contains("20106 (0x4E8A) FlexSPINORCommandFailure: FlexSPINOR: Command Failure", exception.Message, StringComparison.Ordinal);
    }
}
