using Microsoft.Extensions.Logging;

namespace Station.Protocols.Sdp;

public sealed partial class SdpHidFraming
{
    private static partial class Log
    {
        [LoggerMessage(1300, LogLevel.Trace, "SDP OUT[{Length}]: {Report}")]
        private static partial void ReportOut(ILogger logger, int length, string report);

        [LoggerMessage(1301, LogLevel.Trace, "SDP IN [{Length}]: {Report}")]
        private static partial void ReportIn(ILogger logger, int length, string report);

        public static void ReportOut(ILogger logger, int length, ReadOnlySpan<byte> report)
        {
            if (logger.IsEnabled(LogLevel.Trace))
            {
                ReportOut(logger, length, Convert.ToHexString(report));
            }
        }

        public static void ReportIn(ILogger logger, int length, ReadOnlySpan<byte> report)
        {
            if (logger.IsEnabled(LogLevel.Trace))
            {
                ReportIn(logger, length, Convert.ToHexString(report));
            }
        }
    }
}
