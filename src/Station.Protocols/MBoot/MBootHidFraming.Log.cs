using Microsoft.Extensions.Logging;

namespace Station.Protocols.MBoot;

public sealed partial class MBootHidFraming
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.MBootHidOut, LogLevel.Trace, "OUT[{Length}]: {Bytes}")]
        public static partial void Out(ILogger logger, int length, string bytes);

        [LoggerMessage(EventIds.MBootHidIn, LogLevel.Trace, "IN[{Length}]: {Bytes}")]
        public static partial void In(ILogger logger, int length, string bytes);

        [LoggerMessage(EventIds.MBootHidAbortMarker, LogLevel.Debug, "Zero-length IN report {ReportId}: the device aborted the data phase")]
        public static partial void AbortMarker(ILogger logger, byte reportId);

        [LoggerMessage(EventIds.MBootHidMalformedReport, LogLevel.Warning, "Malformed MBoot HID report: {Problem}")]
        public static partial void MalformedReport(ILogger logger, string problem);
    }
}
