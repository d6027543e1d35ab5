using Microsoft.Extensions.Logging;

namespace Station.Protocols.Transport.Linux;

public sealed partial class LinuxHidDeviceList
{
    private static partial class Log
    {
        [LoggerMessage(EventId = TransportEventIds.DeviceArrived, Level = LogLevel.Debug, Message = "HID device arrived: {Device}")]
        public static partial void DeviceArrived(ILogger logger, HidDeviceInfo device);

        [LoggerMessage(EventId = TransportEventIds.DeviceRemoved, Level = LogLevel.Debug, Message = "HID device removed: {Device}")]
        public static partial void DeviceRemoved(ILogger logger, HidDeviceInfo device);

        [LoggerMessage(EventId = TransportEventIds.OpenRetried, Level = LogLevel.Debug, Message = "No permission on {Path} yet (udev may still be applying its rules); retrying")]
        public static partial void OpenRetried(ILogger logger, string path);

        [LoggerMessage(EventId = TransportEventIds.HotPlugFallback, Level = LogLevel.Warning,
            Message = "No kernel uevents ({Problem}); rescanning every {IntervalMilliseconds} ms instead")]
        public static partial void HotPlugFallback(ILogger logger, string problem, double intervalMilliseconds);

        [LoggerMessage(EventId = TransportEventIds.HotPlugSource, Level = LogLevel.Debug, Message = "Watching {Directory} for hot-plug")]
        public static partial void WatchingTree(ILogger logger, string directory);
    }
}
