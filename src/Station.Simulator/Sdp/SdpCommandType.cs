namespace Station.Simulator.Sdp;

/// <summary>SDP command types (PROTOCOLS 7.3), the first two bytes of a command, big-endian.</summary>
internal enum SdpCommandType : ushort
{
    ReadRegister = 0x0101,
    WriteRegister = 0x0202,
    WriteFile = 0x0404,
    ErrorStatus = 0x0505,
    WriteCsf = 0x0606,
    DcdWrite = 0x0A0A,
    JumpAddress = 0x0B0B,
    SkipDcdHeader = 0x0C0C,
    SetBaudRate = 0x0D0D,
}
