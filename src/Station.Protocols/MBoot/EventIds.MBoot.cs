namespace Station.Protocols;

/// <summary>
/// Event IDs of Station.Protocols (1000–1999, STYLE 4.8). MBoot owns 1100–1299: client
/// 1100–1149, HID framing 1150–1179, UART framing 1180–1219.
/// </summary>
internal static partial class EventIds
{
    public const int MBootCommandSent = 1100;
    public const int MBootResponseReceived = 1101;
    public const int MBootCommandFailed = 1102;
    public const int MBootSessionBroken = 1103;
    public const int MBootDataPhaseAborted = 1104;
    public const int MBootHostAbortFailed = 1105;
    public const int MBootMaxPacketSize = 1106;

    public const int MBootHidOut = 1150;
    public const int MBootHidIn = 1151;
    public const int MBootHidAbortMarker = 1152;
    public const int MBootHidMalformedReport = 1153;

    public const int MBootUartOut = 1180;
    public const int MBootUartIn = 1181;
    public const int MBootUartNakReceived = 1182;
    public const int MBootUartBadCrc = 1183;
    public const int MBootUartJunkSkipped = 1184;
    public const int MBootUartPing = 1185;
}
