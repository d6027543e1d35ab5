using Microsoft.Extensions.Logging;

namespace Station.Protocols.Transport.Linux;

internal sealed partial class LinuxSysfsHidScanner
{
    private static partial class Log
    {
        [LoggerMessage(EventId = TransportEventIds.DeviceSkipped, Level = LogLevel.Debug, Message = "Skipping {Name} ({SysfsPath}): {Reason}")]
        public static partial void DeviceSkipped(ILogger logger, string name, string sysfsPath, string reason);

        [LoggerMessage(EventId = TransportEventIds.DeviceUnreadable, Level = LogLevel.Debug, Message = "Cannot read {Name} from sysfs: {Problem}")]
        public static partial void DeviceUnreadable(ILogger logger, string name, string problem);

        [LoggerMessage(EventId = TransportEventIds.ReportDescriptorUnreadable, Level = LogLevel.Warning,
            Message = "Report descriptor of {Name} unreadable, report lengths unknown: {Problem}")]
        public static partial void ReportDescriptorUnreadable(ILogger logger, string name, string problem);
    }
}
