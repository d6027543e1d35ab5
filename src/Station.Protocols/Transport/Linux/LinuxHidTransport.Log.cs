using Microsoft.Extensions.Logging;

namespace Station.Protocols.Transport.Linux;

internal sealed partial class LinuxHidTransport
{
    private static partial class Log
    {
        [LoggerMessage(EventId = TransportEventIds.ReportWritten, Level = LogLevel.Trace, Message = "OUT[{Length}] {DeviceAddress}: {Hex}")]
        public static partial void ReportWritten(ILogger logger, string deviceAddress, int length, TransportHex hex);

        [LoggerMessage(EventId = TransportEventIds.ReportRead, Level = LogLevel.Trace, Message = "IN [{Length}] {DeviceAddress}: {Hex}")]
        public static partial void ReportRead(ILogger logger, string deviceAddress, int length, TransportHex hex);

        [LoggerMessage(EventId = TransportEventIds.DeviceOpened, Level = LogLevel.Debug,
            Message = "Opened {DeviceAddress} (input reports up to {MaxInputReportLength} bytes, output up to {MaxOutputReportLength})")]
        public static partial void Opened(ILogger logger, string deviceAddress, int maxInputReportLength, int maxOutputReportLength);

        [LoggerMessage(EventId = TransportEventIds.DeviceClosed, Level = LogLevel.Debug, Message = "Closed {DeviceAddress}")]
        public static partial void Closed(ILogger logger, string deviceAddress);
    }
}
