using Microsoft.Extensions.Logging;

namespace Station.Protocols.MBoot;

public sealed partial class MBootClient
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.MBootCommandSent, LogLevel.Debug, "Command {Command}")]
        public static partial void CommandSent(ILogger logger, string command);

        [LoggerMessage(EventIds.MBootResponseReceived, LogLevel.Debug, "Response {Response}, status {Status}")]
        public static partial void ResponseReceived(ILogger logger, MBootResponseTag response, MBootStatusCode status);

        [LoggerMessage(EventIds.MBootCommandFailed, LogLevel.Information, "{Command} failed with status {Status}: {Description}")]
        public static partial void CommandFailed(ILogger logger, MBootCommandTag command, uint status, string description);

        [LoggerMessage(EventIds.MBootSessionBroken, LogLevel.Warning, "MBoot session on {DeviceAddress} broken by {ExceptionType}; it is closed")]
        public static partial void SessionBroken(ILogger logger, string deviceAddress, string exceptionType, Exception exception);

        [LoggerMessage(EventIds.MBootDataPhaseAborted, LogLevel.Information, "Device ended the {Command} data phase after {Bytes} of {Total} bytes, status {Status}")]
        public static partial void DataPhaseAborted(ILogger logger, MBootCommandTag command, int bytes, int total, uint status);

        [LoggerMessage(EventIds.MBootHostAbortFailed, LogLevel.Debug, "Could not tell the device the host abandoned the data phase")]
        public static partial void HostAbortFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventIds.MBootMaxPacketSize, LogLevel.Debug, "Data packets of {PacketSize} bytes")]
        public static partial void MaxPacketSize(ILogger logger, int packetSize);
    }
}
