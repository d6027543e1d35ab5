using Microsoft.Extensions.Logging;

namespace Station.Protocols.Transport.Windows;

public sealed partial class WindowsHidDeviceList
{
    private static partial class Log
    {
        [LoggerMessage(EventId = TransportEventIds.DeviceArrived, Level = LogLevel.Debug, Message = "HID device arrived: {Device}")]
        public static partial void DeviceArrived(ILogger logger, HidDeviceInfo device);

        [LoggerMessage(EventId = TransportEventIds.DeviceRemoved, Level = LogLevel.Debug, Message = "HID device removed: {Device}")]
        public static partial void DeviceRemoved(ILogger logger, HidDeviceInfo device);

        [LoggerMessage(EventId = TransportEventIds.DeviceSkipped, Level = LogLevel.Debug, Message = "Skipping {Path}: {Reason}")]
        public static partial void DeviceSkipped(ILogger logger, string path, string reason);

        [LoggerMessage(EventId = TransportEventIds.DeviceUnreadable, Level = LogLevel.Debug, Message = "Skipping {Path}: cannot be opened (Win32 error {Error})")]
        public static partial void DeviceNotOpened(ILogger logger, string path, int error);
    }
}
