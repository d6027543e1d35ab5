namespace Station.Simulator;

/// <summary>
/// What can go wrong on a simulated board. Each kind counts its own operations (see the key's
/// documentation); a <see cref="FaultPlan"/> fires a kind with a probability per operation, on
/// given occurrence numbers, or both.
/// </summary>
public enum FaultKind
{
    /// <summary><c>erase20106</c>: a FlexSPI erase (region or all) leaves a word unerased; erase-verify answers 20106. Counts erases.</summary>
    EraseFailure,

    /// <summary><c>program20106</c>: one page of a FlexSPI programming operation reads back wrong; program-verify answers 20106. Counts programming operations (write-memory, fill-memory or FCB programming on FlexSPI).</summary>
    ProgramFailure,

    /// <summary><c>otp20201</c>: an eFuse program leaves a requested bit unburned; the read-back check answers 20201. Counts efuse-program-once commands.</summary>
    OtpFailure,

    /// <summary><c>short</c>: a flashloader response is replaced by a truncated report (<c>03 00</c> over USB, <c>5A A4</c> over UART). Counts responses.</summary>
    ShortResponse,

    /// <summary><c>stall</c>: the flashloader stays silent for <see cref="FaultPlan.StallDuration"/>, then answers late. Counts commands.</summary>
    Stall,

    /// <summary><c>disconnect</c>: the device end goes away in the middle of a data phase; over USB the board re-enumerates in the same state. Counts data-phase commands.</summary>
    Disconnect,

    /// <summary><c>reset</c>: the board resets spontaneously on receiving a command (no answer); the RAM flashloader is gone. Counts commands.</summary>
    Reset,

    /// <summary><c>romstall</c>: the ROM stays silent for <see cref="FaultPlan.StallDuration"/>, then answers late. Counts SDP commands.</summary>
    RomStall,

    /// <summary><c>romshort</c>: the ROM's HAB-mode report is cut to 2 bytes. Counts SDP commands that answer.</summary>
    RomShortResponse,

    /// <summary><c>romdisconnect</c>: the ROM's device end goes away in the middle of a write-file data phase. Counts write-file commands.</summary>
    RomDisconnect,

    /// <summary><c>jumpfail</c>: jump-address to a valid IVT fails as if HAB rejected the image (status 0x33333333). Counts jumps to a valid IVT.</summary>
    JumpFailure,

    /// <summary><c>bootfail</c>: a jump is accepted but the flashloader never appears; the board comes back in ROM mode. Counts accepted jumps.</summary>
    BootFailure,
}
