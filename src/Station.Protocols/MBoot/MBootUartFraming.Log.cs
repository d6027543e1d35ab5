using Microsoft.Extensions.Logging;

namespace Station.Protocols.MBoot;

public sealed partial class MBootUartFraming
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.MBootUartOut, LogLevel.Trace, "OUT[{Length}]: {Bytes}")]
        public static partial void Out(ILogger logger, int length, string bytes);

        [LoggerMessage(EventIds.MBootUartIn, LogLevel.Trace, "IN[{Length}]: {Bytes}")]
        public static partial void In(ILogger logger, int length, string bytes);

        [LoggerMessage(EventIds.MBootUartNakReceived, LogLevel.Debug, "Device sent NAK; retransmission {Retransmission} of {MaxRetransmissions}")]
        public static partial void NakReceived(ILogger logger, int retransmission, int maxRetransmissions);

        [LoggerMessage(EventIds.MBootUartBadCrc, LogLevel.Debug, "Frame CRC 0x{Received:X4} does not match 0x{Computed:X4}; sent NAK")]
        public static partial void BadCrc(ILogger logger, ushort received, ushort computed);

        [LoggerMessage(EventIds.MBootUartJunkSkipped, LogLevel.Debug, "Skipped {Count} bytes before a frame")]
        public static partial void JunkSkipped(ILogger logger, int count);

        [LoggerMessage(EventIds.MBootUartPing, LogLevel.Debug, "Ping answered: serial protocol {Version}, options 0x{Options:X4}")]
        public static partial void Ping(ILogger logger, string version, ushort options);
    }
}
