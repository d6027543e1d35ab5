using Microsoft.Extensions.Logging;

namespace Station.Protocols.Transport.Linux;

internal sealed partial class LinuxTtyTransport
{
    private static partial class Log
    {
        [LoggerMessage(EventId = TransportEventIds.BytesWritten, Level = LogLevel.Trace, Message = "OUT[{Length}] {DeviceAddress}: {Hex}")]
        public static partial void BytesWritten(ILogger logger, string deviceAddress, int length, TransportHex hex);

        [LoggerMessage(EventId = TransportEventIds.BytesRead, Level = LogLevel.Trace, Message = "IN [{Length}] {DeviceAddress}: {Hex}")]
        public static partial void BytesRead(ILogger logger, string deviceAddress, int length, TransportHex hex);

        [LoggerMessage(EventId = TransportEventIds.InputDiscarded, Level = LogLevel.Trace, Message = "Discarded pending input on {DeviceAddress}")]
        public static partial void InputDiscarded(ILogger logger, string deviceAddress);

        [LoggerMessage(EventId = TransportEventIds.SerialPortOpened, Level = LogLevel.Debug, Message = "Opened serial port {DeviceAddress} at {BaudRate} baud, 8N1, raw")]
        public static partial void SerialPortOpened(ILogger logger, string deviceAddress, int baudRate);

        [LoggerMessage(EventId = TransportEventIds.DeviceClosed, Level = LogLevel.Debug, Message = "Closed {DeviceAddress}")]
        public static partial void Closed(ILogger logger, string deviceAddress);
    }
}
