namespace Station.Simulator.Sdp;

/// <summary>
/// SDP reply words (PROTOCOLS 7.3). All are byte palindromes, so hosts reading them little- or
/// big-endian agree.
/// </summary>
internal static class SdpStatus
{
    public const uint HabOpen = 0x5678_7856;
    public const uint HabClosed = 0x1234_3412;
    public const uint WriteComplete = 0x128A_8A12;
    public const uint FileComplete = 0x8888_8888;
    public const uint SkipDcdComplete = 0x900D_D009;
    public const uint BaudRateSet = 0x09D0_0D90;
    public const uint HabSuccess = 0xF0F0_F0F0;

    /// <summary>
    /// HAB failure (hab_status HAB_FAILURE 0x33 in each byte): the simulator's answer to anything
    /// the ROM rejects (a jump without a valid IVT, a bad DCD, a write outside RAM), and what
    /// ERROR_STATUS reports afterwards.
    /// </summary>
    public const uint HabFailure = 0x3333_3333;
}
