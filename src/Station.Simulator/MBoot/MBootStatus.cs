namespace Station.Simulator.MBoot;

/// <summary>The MBoot status codes the simulated flashloader answers with (PROTOCOLS 4 and Appendix A).</summary>
internal enum MBootStatus : uint
{
    Success = 0,
    Fail = 1,
    InvalidArgument = 4,
    UnknownCommand = 10000,
    AbortDataPhase = 10002,
    MemoryRangeInvalid = 10200,
    MemoryCumulativeWrite = 10203,
    MemoryNotConfigured = 10205,
    MemoryUnsupportedCommand = 10214,
    UnknownProperty = 10300,
    ReadOnlyProperty = 10301,
    FlexSpiNorWriteAlignmentError = 20105,
    FlexSpiNorCommandFailure = 20106,
    FlexSpiNorSfdpNotFound = 20107,
    FlexSpiNorFlashNotFound = 20109,
    OcotpProgramFailure = 20201,
}
