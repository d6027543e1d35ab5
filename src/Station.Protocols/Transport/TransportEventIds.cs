namespace Station.Protocols.Transport;

/// <summary>
/// Event IDs of the transport layer: 1000-1099 of the Protocols range (STYLE 4.8). One list, so
/// no two messages share an ID.
/// </summary>
internal static class TransportEventIds
{
    public const int ReportWritten = 1000;
    public const int ReportRead = 1001;
    public const int BytesWritten = 1002;
    public const int BytesRead = 1003;
    public const int InputDiscarded = 1004;

    public const int DeviceOpened = 1010;
    public const int DeviceClosed = 1011;
    public const int OpenRetried = 1012;
    public const int SerialPortOpened = 1013;
    public const int PseudoTerminalOpened = 1014;

    public const int DeviceSkipped = 1020;
    public const int DeviceUnreadable = 1021;
    public const int ReportDescriptorUnreadable = 1022;

    public const int DeviceArrived = 1030;
    public const int DeviceRemoved = 1031;
    public const int HotPlugSource = 1032;
    public const int HotPlugFallback = 1033;
    public const int HotPlugListenerFailed = 1034;
}
