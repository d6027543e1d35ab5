using Microsoft.Extensions.Logging;

namespace Station.Protocols.Sdp;

public sealed partial class SdpClient
{
    private static partial class Log
    {
        [LoggerMessage(1320, LogLevel.Debug, "SDP {Command} address 0x{Address:X8} count {Count} on {DeviceAddress}")]
        public static partial void Command(ILogger logger, SdpCommandType command, uint address, uint count, string deviceAddress);

        [LoggerMessage(1321, LogLevel.Warning, "SDP session on {DeviceAddress} broken during {Command}")]
        public static partial void SessionBroken(ILogger logger, SdpCommandType command, string deviceAddress, Exception exception);
    }
}
