using Microsoft.Extensions.Logging;

namespace Station.Protocols.Transport.Linux;

internal sealed partial class LinuxUeventListener
{
    private static partial class Log
    {
        [LoggerMessage(EventId = TransportEventIds.HotPlugSource, Level = LogLevel.Trace, Message = "uevent {Action} {DevPath}")]
        public static partial void Uevent(ILogger logger, string action, string devPath);

        [LoggerMessage(EventId = TransportEventIds.HotPlugListenerFailed, Level = LogLevel.Warning,
            Message = "uevent socket error, rescanning: {Problem}")]
        public static partial void ListenerError(ILogger logger, string problem);

        [LoggerMessage(EventId = TransportEventIds.HotPlugFallback, Level = LogLevel.Error,
            Message = "uevent socket keeps failing; hot-plug events stop until the watch is restarted")]
        public static partial void ListenerStopped(ILogger logger);
    }
}
